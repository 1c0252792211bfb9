<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CoreError</name>
    <message>
        <location filename="../app/editor/error_text.cpp" line="18"/>
        <source>%1: no face found (Facet looks for upright, roughly frontal faces at least about 40 px wide)</source>
        <translation>%1: 얼굴을 찾지 못했습니다 (Facet은 폭이 약 40픽셀 이상인, 똑바로 선 거의 정면 얼굴을 찾습니다)</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="21"/>
        <source>%1: face %2 asked, but %3 face(s) were found (0 is the largest)</source>
        <translation>%1: %2번 얼굴을 요청했지만 찾은 얼굴은 %3개입니다 (0이 가장 큰 얼굴)</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="23"/>
        <source>%1: not a readable image (corrupt, truncated or an unsupported format; use JPEG, PNG, BMP, WebP or TIFF)</source>
        <translation>%1: 읽을 수 없는 이미지입니다 (손상되었거나 잘렸거나 지원하지 않는 형식입니다. JPEG, PNG, BMP, WebP 또는 TIFF를 사용하세요)</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="27"/>
        <source>%1: the file is empty; choose a photo (JPEG, PNG, BMP, WebP or TIFF)</source>
        <translation>%1: 파일이 비어 있습니다. 사진(JPEG, PNG, BMP, WebP 또는 TIFF)을 선택하세요</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="29"/>
        <source>%1: the header says the image is %2×%3 pixels; the file is damaged</source>
        <translation>%1: 헤더에 적힌 이미지 크기가 %2×%3픽셀입니다. 파일이 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="31"/>
        <source>%1: the photo is %2×%3 (%4 megapixels); Facet reads photos up to %5 megapixels. Scale it down first.</source>
        <translation>%1: 사진이 %2×%3(%4메가픽셀)입니다. Facet은 %5메가픽셀까지의 사진을 읽습니다. 먼저 크기를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="35"/>
        <source>%1: the file is %2 MB; Facet reads photo files up to %3 MB</source>
        <translation>%1: 파일이 %2MB입니다. Facet은 %3MB까지의 사진 파일을 읽습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="37"/>
        <source>the face is aligned, but no encoder is installed to turn it into a W+ code: get e4e_ffhq_encode.pt or psp_ffhq_encode.pt (models/fetch), or refine from the average face</source>
        <translation>얼굴은 정렬되었지만 W+ 코드로 바꿀 인코더가 설치되어 있지 않습니다. e4e_ffhq_encode.pt 또는 psp_ffhq_encode.pt를 받거나(models/fetch) 평균 얼굴에서 정밀화하세요</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="40"/>
        <source>no generator loaded</source>
        <translation>생성기가 로드되지 않음</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="42"/>
        <source>no StyleGAN2 generator found (stylegan2-ffhq-config-f.pt or psp_ffhq_encode.pt); open Tools ▸ Models to see where Facet looks, or run models/fetch</source>
        <translation>StyleGAN2 생성기를 찾지 못했습니다 (stylegan2-ffhq-config-f.pt 또는 psp_ffhq_encode.pt). Facet이 찾는 위치는 도구 ▸ 모델에서 확인하거나 models/fetch를 실행하세요</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="45"/>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="47"/>
        <source>cannot write %1: %2 (nothing was changed)</source>
        <translation>%1에 쓸 수 없습니다: %2 (아무것도 바뀌지 않았습니다)</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="48"/>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="49"/>
        <source>%1: is a folder, not a file</source>
        <translation>%1: 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="50"/>
        <source>%1: not a NumPy .npy file</source>
        <translation>%1: NumPy .npy 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="51"/>
        <source>%1: not a Facet session file</source>
        <translation>%1: Facet 세션 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="53"/>
        <source>%1: written by a newer Facet (session format %2); update Facet to open it</source>
        <translation>%1: 더 새로운 Facet으로 저장되었습니다 (세션 형식 %2). 열려면 Facet을 업데이트하세요</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../ui/help_menu.cpp" line="13"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="14"/>
        <source>&amp;User guide</source>
        <translation>사용 안내서(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="15"/>
        <source>Facet user guide</source>
        <translation>Facet 사용 안내서</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="22"/>
        <source>&amp;About Facet</source>
        <translation>Facet 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="23"/>
        <source>About Facet</source>
        <translation>Facet 정보</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="24"/>
        <source>Facet %1
Edit the attributes of faces in photos and videos with StyleGAN2 and the Latent Transformer.</source>
        <translation>Facet %1
StyleGAN2와 Latent Transformer로 사진과 동영상 속 얼굴의 속성을 편집합니다.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ui/language.cpp" line="76"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/language.cpp" line="86"/>
        <source>The language changes when Facet restarts.</source>
        <translation>언어는 Facet을 다시 시작하면 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>PreviewSpeedMenu</name>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="14"/>
        <source>Always at full preview size</source>
        <translation>항상 전체 미리보기 크기</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="15"/>
        <source>Within %1 ms</source>
        <translation>%1ms 이내</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="20"/>
        <source>Preview &amp;speed</source>
        <translation>미리보기 속도(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="27"/>
        <source>While a slider moves, previews take at most this long: over it they are computed in a faster precision first, then at a smaller size. At rest the image is always full size.</source>
        <translation>슬라이더를 움직이는 동안 미리보기는 최대 이 시간 안에 그려집니다. 이를 넘으면 먼저 더 빠른 정밀도로, 그다음 더 작은 크기로 계산합니다. 멈추면 이미지는 항상 전체 크기입니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="21"/>
        <source>%1, face %2</source>
        <translation>%1, 얼굴 %2</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="22"/>
        <source>random face %1</source>
        <translation>무작위 얼굴 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="139"/>
        <source>embedding a photo&apos;s face needs an encoder (pSp/e4e, Tools ▸ Models) or refinement steps (Tools ▸ Photo refinement)</source>
        <translation>사진 얼굴을 임베딩하려면 인코더(pSp/e4e, 도구 ▸ 모델) 또는 정제 단계(도구 ▸ 사진 정제)가 필요합니다</translation>
    </message>
</context>
<context>
    <name>RefinementSettings</name>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="43"/>
        <source>no generator loaded</source>
        <translation>생성기가 로드되지 않음</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="45"/>
        <source>%1 generator on %2</source>
        <translation>%2의 %1 생성기</translation>
    </message>
</context>
<context>
    <name>TextEditDialog</name>
    <message>
        <location filename="../app/editor/text_edit_job.cpp" line="59"/>
        <source>open a face first: a mapper is applied to it</source>
        <translation>먼저 얼굴을 여세요: 매퍼는 얼굴에 적용됩니다</translation>
    </message>
    <message>
        <location filename="../app/editor/text_edit_job.cpp" line="68"/>
        <source>Cannot load the direction: %1</source>
        <translation>방향을 불러올 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>facet::app</name>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="19"/>
        <source>Facet in five minutes</source>
        <translation>5분 만에 익히는 Facet</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="20"/>
        <source>Open a photo</source>
        <translation>사진 열기</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="21"/>
        <source>File ▸ Open (Ctrl+O), drag a photo onto the window, or File ▸ Open sample photo. Facet finds the faces, asks which one when there are several, aligns it and gives it a code in the generator&apos;s latent space (W+).</source>
        <translation>파일 ▸ 열기(Ctrl+O)를 쓰거나, 사진을 창에 끌어다 놓거나, 파일 ▸ 샘플 사진 열기를 고르세요. Facet이 얼굴을 찾고, 여러 개이면 어느 얼굴인지 묻고, 정렬한 뒤 생성기의 잠재 공간(W+) 코드를 만듭니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="24"/>
        <source>With an encoder installed this takes seconds. Without one, the message above the preview offers to refine the face from the average face; Tools ▸ Photo refinement sets how many steps follow the encoder and says how long they take here.</source>
        <translation>인코더가 설치되어 있으면 몇 초면 됩니다. 없으면 미리보기 위의 메시지가 평균 얼굴에서 정제하기를 제안합니다. 도구 ▸ 사진 정제에서 인코더 뒤에 몇 단계를 돌릴지 정하고, 이 컴퓨터에서 걸리는 시간을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="27"/>
        <source>Edit with the sliders</source>
        <translation>슬라이더로 편집하기</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="28"/>
        <source>Each attribute slider moves the face along one attribute (age, smile, glasses…) while the others are kept. The preview follows the slider at a small size and renders at full size when you let go. The Numbers dock shows what the classifier reads and how alike the edited face is to the original.</source>
        <translation>속성 슬라이더마다 다른 속성은 그대로 두고 한 속성(나이, 미소, 안경…)을 따라 얼굴을 움직입니다. 미리보기는 작은 크기로 슬라이더를 따라가고, 손을 떼면 전체 크기로 렌더링합니다. 수치 도크는 분류기가 읽은 값과 편집한 얼굴이 원래 얼굴과 얼마나 닮았는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="32"/>
        <source>Edited layers chooses which W+ layers the edits change: the coarse ones change the shape, the fine ones colour and texture. Text edits add sliders made from a prompt (StyleCLIP). Every change can be undone (Ctrl+Z).</source>
        <translation>편집 레이어에서 편집이 바꿀 W+ 레이어를 고릅니다. 거친 레이어는 형태를, 세밀한 레이어는 색과 질감을 바꿉니다. 텍스트 편집은 프롬프트로 만든 슬라이더를 추가합니다(StyleCLIP). 모든 변경은 되돌릴 수 있습니다(Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="35"/>
        <source>Save and export</source>
        <translation>저장과 내보내기</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="36"/>
        <source>File ▸ Save session keeps the face, every slider and the timeline in a .facet file. File ▸ Export writes the edited photo (the face pasted back), the aligned face, a before/after image or the edited code. The opened photo is never overwritten.</source>
        <translation>파일 ▸ 세션 저장은 얼굴, 모든 슬라이더, 타임라인을 .facet 파일에 보관합니다. 파일 ▸ 내보내기는 편집한 사진(얼굴을 다시 붙인 것), 정렬된 얼굴, 전후 비교 이미지 또는 편집한 코드를 씁니다. 연 사진은 절대 덮어쓰지 않습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="39"/>
        <source>Timelines and videos</source>
        <translation>타임라인과 비디오</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="40"/>
        <source>● Record in the Timeline dock records slider moves as keyframes; play them back, change them, and render them to a video. Edit video applies the current edit to every frame of a video, with the face tracked steadily.</source>
        <translation>타임라인 도크의 ● 녹화는 슬라이더 움직임을 키프레임으로 기록합니다. 재생하고, 고치고, 비디오로 렌더링할 수 있습니다. 비디오 편집은 얼굴을 안정적으로 추적하면서 현재 편집을 비디오의 모든 프레임에 적용합니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="43"/>
        <source>Two faces</source>
        <translation>두 얼굴</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="44"/>
        <source>The Two faces dock morphs the face into a second face, mixes layers from it, or transfers an expression from a neutral and an expressive face. The faces come from photos, W+ files or random draws.</source>
        <translation>두 얼굴 도크는 얼굴을 두 번째 얼굴로 모핑하거나, 그 얼굴의 레이어를 섞거나, 무표정한 얼굴과 표정 있는 얼굴에서 표정을 옮깁니다. 얼굴은 사진, W+ 파일, 무작위 추출에서 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="47"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="48"/>
        <source>Tools ▸ Models lists every model Facet uses, where it was found, and how to get the missing ones. Without a generator Facet still finds and reads the faces in a photo when the face-analysis models are installed.</source>
        <translation>도구 ▸ 모델은 Facet이 쓰는 모든 모델과 찾은 위치, 없는 모델을 얻는 방법을 보여 줍니다. 생성기가 없어도 얼굴 분석 모델이 설치되어 있으면 Facet은 사진 속 얼굴을 찾아 읽습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="67"/>
        <source>Video editing is not available in this build.</source>
        <translation>이 빌드에서는 비디오 편집을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="69"/>
        <source>Per-frame optimisation is not available in this build.</source>
        <translation>이 빌드에서는 프레임별 최적화를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="72"/>
        <source>No encoder is installed (Tools ▸ Models): set “Optimise each frame” to embed the frames by optimisation alone.</source>
        <translation>인코더가 설치되지 않았습니다 (도구 ▸ 모델): “프레임별 최적화”를 설정하면 최적화만으로 프레임을 임베딩합니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="75"/>
        <source>Tracking the face…</source>
        <translation>얼굴 추적 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="79"/>
        <source>Tracking the face: frame %1</source>
        <translation>얼굴 추적 중: 프레임 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="80"/>
        <source>Writing the video: frame %1</source>
        <translation>동영상 쓰는 중: 프레임 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="81"/>
        <source>Editing: frame %1</source>
        <translation>편집 중: 프레임 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="86"/>
        <source>Cancelled after %1 frames. They are kept: tick “Resume” and start again to continue.</source>
        <translation>%1프레임 후 취소됨. 완료된 프레임은 유지됩니다: “이어서 하기”를 선택하고 다시 시작하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="90"/>
        <source>Wrote %1 frames (%2 edited) to %3 at %4 frames per second. Jitter %5 → %6 px. %7</source>
        <translation>%1프레임(%2 편집됨)을 %3에 초당 %4프레임으로 썼습니다. 흔들림 %5 → %6 px. %7</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="94"/>
        <source> No face (passed through): frames %1.</source>
        <translation> 얼굴 없음 (그대로 통과): 프레임 %1.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="95"/>
        <source> %1 frames came from the interrupted run.</source>
        <translation> %1프레임은 중단된 실행에서 가져왔습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="97"/>
        <source> %1 frames optimised; the face changes by %2 levels per frame.</source>
        <translation> %1프레임 최적화됨; 얼굴은 프레임당 %2 단계 변합니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="121"/>
        <source>Cancelled after %1 of %2 frames; nothing was written.</source>
        <translation>%2프레임 중 %1프레임 후 취소됨; 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="122"/>
        <source>Wrote %1 frames (%2, %3 × %4) to %5 at %6 frames per second.</source>
        <translation>%1프레임(%2, %3 × %4)을 %5에 초당 %6프레임으로 썼습니다.</translation>
    </message>
</context>
<context>
    <name>facet::app::Autosaver</name>
    <message>
        <location filename="../app/editor/autosave.cpp" line="28"/>
        <source>Cannot create the autosave folder %1</source>
        <translation>자동 저장 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/autosave.cpp" line="56"/>
        <source>Autosave failed: %1</source>
        <translation>자동 저장 실패: %1</translation>
    </message>
</context>
<context>
    <name>facet::app::EditDocument</name>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="35"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="230"/>
        <source>No face to edit yet: open a photo, a W+ code or a random face (File menu).</source>
        <translation>아직 편집할 얼굴이 없습니다: 사진, W+ 코드 또는 무작위 얼굴을 여십시오(파일 메뉴).</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="240"/>
        <source>Change attributes</source>
        <translation>속성 변경</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="277"/>
        <source>%1 was embedded for another generator; choose the face again</source>
        <translation>%1은(는) 다른 생성기용으로 임베딩되었습니다. 얼굴을 다시 고르세요</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="281"/>
        <source>the mixed layers name %1 layers; the loaded generator has %2</source>
        <translation>섞을 레이어가 %1개 레이어를 가리키지만, 불러온 생성기에는 %2개가 있습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="339"/>
        <source>Change the edited layers</source>
        <translation>편집 레이어 변경</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="357"/>
        <source>Show in photo applies to faces from photos (File ▸ Open).</source>
        <translation>사진에 표시는 사진의 얼굴에 적용됩니다 (파일 ▸ 열기).</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="458"/>
        <source>Nothing to save: open a photo, a W+ code or a random face first.</source>
        <translation>저장할 것이 없습니다: 먼저 사진, W+ 코드 또는 무작위 얼굴을 여세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="465"/>
        <source>Saved session %1</source>
        <translation>세션 %1 저장됨</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="468"/>
        <source>Cannot save the session: %1</source>
        <translation>세션을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="477"/>
        <source>this session holds no W+ code (the face was never embedded)</source>
        <translation>이 세션에는 W+ 코드가 없습니다 (얼굴이 임베딩되지 않음)</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="482"/>
        <source>its layer mask has %1 layers; the loaded generator has %2</source>
        <translation>레이어 마스크는 %1개 레이어이고 로드된 생성기는 %2개입니다</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="489"/>
        <source>its %1 face&apos;s code does not fit the loaded generator</source>
        <translation>%1 얼굴의 코드가 로드된 생성기에 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="491"/>
        <source>its mixed layers name %1 layers; the loaded generator has %2</source>
        <translation>이 세션의 섞을 레이어는 %1개 레이어를 가리키지만, 불러온 생성기에는 %2개가 있습니다</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="512"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="520"/>
        <location filename="../app/editor/edit_document.cpp" line="522"/>
        <source>Exporting %1…</source>
        <translation>%1 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="525"/>
        <source>Exported %1</source>
        <translation>%1 내보냄</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="541"/>
        <source>%1: this is the opened file; choose another file name (Facet never overwrites the source)</source>
        <translation>%1: 열려 있는 파일입니다. 다른 파일 이름을 고르십시오(Facet은 원본을 덮어쓰지 않습니다)</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="550"/>
        <source>The full-size image is still rendering; export again in a moment.</source>
        <translation>전체 크기 이미지를 아직 렌더링 중입니다. 잠시 후 다시 내보내세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="593"/>
        <source>Nothing to export: open a face first.</source>
        <translation>내보낼 것이 없습니다: 먼저 얼굴을 여세요.</translation>
    </message>
</context>
<context>
    <name>facet::app::JobRunner</name>
    <message>
        <location filename="../app/editor/job_runner.cpp" line="75"/>
        <source>The operation failed without saying why.</source>
        <translation>작업이 이유를 알리지 않고 실패했습니다.</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelInventory</name>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="44"/>
        <source>models/manifest.json was not found in the model search path.</source>
        <translation>모델 검색 경로에서 models/manifest.json을 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="76"/>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="89"/>
        <source>Checking %1…</source>
        <translation>%1 확인 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="105"/>
        <source>models/fetch was not found next to the manifest.</source>
        <translation>매니페스트 옆에서 models/fetch를 찾지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="116"/>
        <source>models/fetch finished with exit status %1.</source>
        <translation>models/fetch가 종료 상태 %1로 끝났습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="122"/>
        <source>Could not start models/fetch: %1</source>
        <translation>models/fetch를 시작할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelLoader</name>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="30"/>
        <location filename="../app/editor/model_loader.cpp" line="32"/>
        <source>Loading models…</source>
        <translation>모델 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="37"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="67"/>
        <source>models: face-api only (Tools ▸ Models)</source>
        <translation>모델: face-api만 (도구 ▸ 모델)</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="67"/>
        <source>models: none (Tools ▸ Models)</source>
        <translation>모델: 없음 (도구 ▸ 모델)</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="74"/>
        <source>classifier</source>
        <translation>분류기</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="75"/>
        <source>1 transformer</source>
        <translation>변환기 1개</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="75"/>
        <source>%1 transformers</source>
        <translation>변환기 %1개</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="76"/>
        <source>face-api</source>
        <translation>face-api</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="77"/>
        <source>encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="93"/>
        <source>device: %1</source>
        <translation>장치: %1</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="99"/>
        <source>the StyleGAN2 generator</source>
        <translation>StyleGAN2 생성기</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="100"/>
        <source>the pSp/e4e encoder</source>
        <translation>pSp/e4e 인코더</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="101"/>
        <source>the attribute transformers</source>
        <translation>속성 변환기</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="102"/>
        <source>face analysis (face-api)</source>
        <translation>얼굴 분석(face-api)</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="103"/>
        <source>Facet changes the age, smile, glasses, hair and 36 more attributes of faces in photos while keeping the person recognisable.</source>
        <translation>Facet은 사진 속 얼굴의 나이, 미소, 안경, 머리카락 등 40가지 속성을 그 사람임을 알아볼 수 있게 유지하면서 바꿉니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="105"/>
        <source>Open a photo (Ctrl+O) or drop one here; File ▸ Open sample photo has one to try.</source>
        <translation>사진을 여십시오(Ctrl+O) 또는 여기에 끌어다 놓으십시오. 파일 ▸ 예제 사진 열기로 바로 해 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="106"/>
        <source>Installed: %1.</source>
        <translation>설치됨: %1.</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="108"/>
        <source>Missing: %1. Tools ▸ Models says where to get them and fetches what can be fetched.</source>
        <translation>없음: %1. 도구 ▸ 모델에서 받을 곳을 알려 주고 받을 수 있는 것은 받아 옵니다.</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelManifest</name>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="75"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="76"/>
        <source>not checked</source>
        <translation>확인 안 함</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="77"/>
        <source>checksum OK</source>
        <translation>체크섬 일치</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="79"/>
        <source>checksum MISMATCH: fetch it again</source>
        <translation>체크섬 불일치: 다시 받으세요</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="81"/>
        <source>no published size or checksum</source>
        <translation>공개된 크기나 체크섬 없음</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="83"/>
        <source>WRONG SIZE: not the published file; fetch it again</source>
        <translation>크기 불일치: 공개된 파일이 아닙니다. 다시 받으세요</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="86"/>
        <source>size OK; no published checksum</source>
        <translation>크기 일치, 공개된 체크섬 없음</translation>
    </message>
</context>
<context>
    <name>facet::app::OpenWorkflow</name>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="26"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="54"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="64"/>
        <source>Opened W+ code %1</source>
        <translation>W+ 코드 %1 열림</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="74"/>
        <location filename="../app/editor/open_workflow.cpp" line="76"/>
        <source>Sampling a face (seed %1)…</source>
        <translation>얼굴 샘플링 중 (시드 %1)…</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="86"/>
        <source>Random face, seed %1</source>
        <translation>무작위 얼굴, 시드 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="97"/>
        <source>Opened session %1</source>
        <translation>세션 %1 열림</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="103"/>
        <source>finding face %1 in %2…</source>
        <translation>%2에서 얼굴 %1을(를) 찾는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="106"/>
        <source>its photo %1 is missing or has changed; editing the saved W+ code alone</source>
        <translation>사진 %1이(가) 없거나 바뀌었습니다; 저장된 W+ 코드만 편집합니다</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="120"/>
        <source>Restored the autosaved edit.</source>
        <translation>자동 저장된 편집을 복원했습니다.</translation>
    </message>
</context>
<context>
    <name>facet::app::PhotoWorkflow</name>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="109"/>
        <source>Finding faces in %1…</source>
        <translation>%1에서 얼굴 찾는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="129"/>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="147"/>
        <source>Opened %1 (%2×%3)</source>
        <translation>%1 열림 (%2×%3)</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="149"/>
        <source>No face was found in %1. Facet looks for upright, roughly frontal faces at least about 40 pixels wide.</source>
        <translation>%1에서 얼굴을 찾지 못했습니다. Facet은 폭이 약 40픽셀 이상인 똑바른 정면 얼굴을 찾습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="156"/>
        <source>Opened %1; this build of Facet cannot find faces in photos.</source>
        <translation>%1을(를) 열었습니다. 이 Facet 빌드는 사진에서 얼굴을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="174"/>
        <source>Found %1 face(s) in %2. To edit them, install a generator (Tools ▸ Models).</source>
        <translation>%2에서 얼굴 %1개를 찾았습니다. 편집하려면 생성기를 설치하세요(도구 ▸ 모델).</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="180"/>
        <source>%1 faces were found. Which one do you want to edit?</source>
        <translation>얼굴 %1개를 찾았습니다. 어느 얼굴을 편집할까요?</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="183"/>
        <source>No face chosen.</source>
        <translation>선택한 얼굴이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="199"/>
        <source>Aligning the face…</source>
        <translation>얼굴을 정렬하는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="200"/>
        <source>Aligning and embedding the face…</source>
        <translation>얼굴 정렬 및 임베딩 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="201"/>
        <source>Aligning the face and refining it from the average face…</source>
        <translation>얼굴을 정렬하고 평균 얼굴에서 정제하는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="225"/>
        <source>Refining the face&apos;s code (Cancel keeps the best so far)…</source>
        <translation>얼굴 코드를 정제하는 중 (취소하면 지금까지의 최선을 유지)…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="230"/>
        <source>Refining the face&apos;s code: step %1 of %2, %3 dB, %4 left (Cancel keeps the best so far)…</source>
        <translation>얼굴 코드 정제 중: %2단계 중 %1, %3 dB, 남은 시간 %4 (취소하면 지금까지의 최선을 유지)…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="248"/>
        <source>refinement stopped after %1 of %2 steps (best code kept, %3 dB)</source>
        <translation>%2단계 중 %1단계 후 정제 중지 (최선 코드 유지, %3 dB)</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="250"/>
        <source>refined in %1 steps (%2 dB)</source>
        <translation>%1단계로 정제됨 (%2 dB)</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="276"/>
        <source>(%1 here)</source>
        <translation>(이 컴퓨터에서 %1)</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="277"/>
        <source>The face is aligned, but no encoder is installed to give it a code. Refine it from the average face (%1 steps%2), or install an encoder (Tools ▸ Models).</source>
        <translation>얼굴은 정렬되었지만 코드를 만들 인코더가 설치되어 있지 않습니다. 평균 얼굴에서 정제하거나(%1단계%2), 인코더를 설치하세요(도구 ▸ 모델).</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="306"/>
        <source>Editing face %1 of %2</source>
        <translation>%2의 얼굴 %1 편집 중</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="315"/>
        <source>Reading the faces in %1…</source>
        <translation>%1의 얼굴을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="349"/>
        <source>Finding face %1 in %2…</source>
        <translation>%2에서 얼굴 %1을(를) 찾는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="354"/>
        <source>Editing the saved W+ code alone: face %1 is no longer found in %2 (%3 face(s) now).</source>
        <translation>저장된 W+ 코드만 편집합니다: %2에서 얼굴 %1을(를) 더 이상 찾을 수 없습니다(지금은 얼굴 %3개).</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="363"/>
        <source>Editing face %1 of %2 (restored from the session)</source>
        <translation>%2의 얼굴 %1 편집 중 (세션에서 복원)</translation>
    </message>
</context>
<context>
    <name>facet::app::RefinementSettings</name>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="52"/>
        <source>about %1 s</source>
        <translation>약 %1초</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="54"/>
        <source>about %1 min</source>
        <translation>약 %1분</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="55"/>
        <source>about %1 h %2 min</source>
        <translation>약 %1시간 %2분</translation>
    </message>
</context>
<context>
    <name>facet::app::RenderWorker</name>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="63"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="73"/>
        <source>Rendering failed: %1</source>
        <translation>렌더링 실패: %1</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="80"/>
        <source>Pasting the face into the photo failed: %1</source>
        <translation>얼굴을 사진에 붙여 넣지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>facet::app::TextSliderSet</name>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="65"/>
        <source>Add the text edit &quot;%1&quot;</source>
        <translation>텍스트 편집 &quot;%1&quot; 추가</translation>
    </message>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="91"/>
        <source>Remove the text edit &quot;%1&quot;</source>
        <translation>텍스트 편집 &quot;%1&quot; 제거</translation>
    </message>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="110"/>
        <source>Change text edits</source>
        <translation>텍스트 편집 변경</translation>
    </message>
</context>
<context>
    <name>facet::app::TextWorkflow</name>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="22"/>
        <source>The text direction &quot;%1&quot; was made for another generator.</source>
        <translation>텍스트 방향 &quot;%1&quot;은(는) 다른 생성기용으로 만들어졌습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="27"/>
        <source>Added the text edit &quot;%1&quot;</source>
        <translation>텍스트 편집 &quot;%1&quot; 추가됨</translation>
    </message>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="35"/>
        <source>Cannot load the text direction: %1</source>
        <translation>텍스트 방향을 불러올 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>facet::app::TuneWorkflow</name>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="55"/>
        <source>This build cannot read photos, so there is nothing to tune to.</source>
        <translation>이 빌드는 사진을 읽을 수 없어 맞출 대상이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="58"/>
        <source>Open a photo and let its face get a code first: tuning matches the generator to that face.</source>
        <translation>먼저 사진을 열고 얼굴이 코드를 얻게 하세요. 튜닝은 생성기를 그 얼굴에 맞춥니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="65"/>
        <source>Tuning the generator to %1…</source>
        <translation>생성기를 %1에 맞추는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="93"/>
        <source>pixel loss alone (no LPIPS or VGG-16 model installed)</source>
        <translation>픽셀 손실만 사용 (LPIPS 또는 VGG-16 모델이 설치되지 않음)</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="79"/>
        <source>LPIPS %1</source>
        <translation>LPIPS %1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="80"/>
        <source>pixel error %1</source>
        <translation>픽셀 오차 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="82"/>
        <source>Tuning: step %1 of %2, %3, %4 left (Cancel keeps the best so far)…</source>
        <translation>튜닝: %2단계 중 %1단계, %3, 남은 시간 %4 (취소하면 지금까지 가장 좋은 결과를 유지합니다)…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="90"/>
        <source>LPIPS %1 → %2</source>
        <translation>LPIPS %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="91"/>
        <source>pixel error %1 → %2</source>
        <translation>픽셀 오차 %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="94"/>
        <source>Tuning stopped after %1 steps; the best weights so far are used (%2).</source>
        <translation>튜닝이 %1단계 후 중단되었습니다. 지금까지 가장 좋은 가중치를 사용합니다 (%2).</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="96"/>
        <source>The generator is tuned to this photo in %1 steps (%2).</source>
        <translation>생성기를 %1단계 만에 이 사진에 맞췄습니다 (%2).</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="130"/>
        <source>Cannot save the tuning: %1</source>
        <translation>튜닝을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="141"/>
        <source>Applying the tuning %1…</source>
        <translation>튜닝 %1을(를) 적용하는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="154"/>
        <source>The generator is tuned to this face as saved (%1).</source>
        <translation>저장된 대로 생성기를 이 얼굴에 맞췄습니다 (%1).</translation>
    </message>
</context>
<context>
    <name>facet::app::TwoFaceWorkflow</name>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="23"/>
        <source>morph</source>
        <translation>모핑</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="24"/>
        <source>mix layers</source>
        <translation>레이어 섞기</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="25"/>
        <source>transfer an expression</source>
        <translation>표정 옮기기</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="28"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="36"/>
        <source>Choose the second face (Two faces ▸ Choose).</source>
        <translation>두 번째 얼굴을 고르세요 (두 얼굴 ▸ 선택).</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="40"/>
        <source>Choose a neutral and an expressive face, best two photos of one person (Two faces ▸ Choose).</source>
        <translation>무표정 얼굴과 표정 있는 얼굴을 고르세요. 한 사람의 사진 두 장이 가장 좋습니다 (두 얼굴 ▸ 선택).</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="53"/>
        <source>neutral</source>
        <translation>무표정</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="54"/>
        <source>expressive</source>
        <translation>표정 있는</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="55"/>
        <source>second</source>
        <translation>두 번째</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="60"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="77"/>
        <source>Choose the %1 face</source>
        <translation>%1 얼굴 선택</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="79"/>
        <source>The %1 face is %2</source>
        <translation>%1 얼굴: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="91"/>
        <location filename="../app/editor/two_face_workflow.cpp" line="93"/>
        <source>Two faces: %1</source>
        <translation>두 얼굴: %1</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="102"/>
        <source>Change %1</source>
        <translation>%1 변경</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="107"/>
        <source>Change the mixed layers</source>
        <translation>섞을 레이어 변경</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="116"/>
        <source>Cannot use %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="124"/>
        <source>Drawing a random face…</source>
        <translation>무작위 얼굴을 뽑는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="144"/>
        <source>Finding the %1 face in %2…</source>
        <translation>%2에서 %1 얼굴을 찾는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="150"/>
        <source>%1 faces were found. Which one is the %2 face?</source>
        <translation>얼굴 %1개를 찾았습니다. 어느 것이 %2 얼굴인가요?</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="153"/>
        <source>The %1 face was not changed.</source>
        <translation>%1 얼굴은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="159"/>
        <source>Embedding the %1 face from %2…</source>
        <translation>%2의 %1 얼굴을 임베딩하는 중…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="172"/>
        <source>This build of Facet cannot find faces in photos; use a W+ code or a random face.</source>
        <translation>이 Facet 빌드는 사진에서 얼굴을 찾을 수 없습니다. W+ 코드나 무작위 얼굴을 쓰세요.</translation>
    </message>
</context>
<context>
    <name>facet::ui::AttributeSliderPanel</name>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="30"/>
        <source>Filter attributes…</source>
        <translation>속성 필터…</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="50"/>
        <source>Reset all</source>
        <translation>모두 초기화</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="86"/>
        <location filename="../ui/attribute_slider_panel.cpp" line="96"/>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="90"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="97"/>
        <source>No trained transformer for this attribute: a linear latent direction is used.</source>
        <translation>이 속성에는 학습된 변환기가 없어 선형 잠재 방향을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="115"/>
        <source>Classifier probability of this attribute in the edited face</source>
        <translation>편집된 얼굴에서 이 속성의 분류기 확률</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="119"/>
        <source>Reset %1</source>
        <translation>%1 초기화</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="78"/>
        <source>Nothing can change %1 yet: its transformer tnet_%2.pth.tar is not in the transformers folder. Get it with Tools ▸ Models or facet-fetch-models.</source>
        <translation>아직 %1을(를) 바꿀 수 없습니다: 변환기 tnet_%2.pth.tar가 변환기 폴더에 없습니다. 도구 ▸ 모델 또는 facet-fetch-models로 받으십시오.</translation>
    </message>
</context>
<context>
    <name>facet::ui::Attributes</name>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="13"/>
        <source>Stubble</source>
        <translation>수염 자국</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="14"/>
        <source>Arched eyebrows</source>
        <translation>아치형 눈썹</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="15"/>
        <source>Attractive</source>
        <translation>매력적</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="16"/>
        <source>Bags under eyes</source>
        <translation>눈 밑 처짐</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="17"/>
        <source>Bald</source>
        <translation>대머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="18"/>
        <source>Bangs</source>
        <translation>앞머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="19"/>
        <source>Big lips</source>
        <translation>두꺼운 입술</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="20"/>
        <source>Big nose</source>
        <translation>큰 코</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="21"/>
        <source>Black hair</source>
        <translation>검은 머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="22"/>
        <source>Blond hair</source>
        <translation>금발</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="23"/>
        <source>Blurry</source>
        <translation>흐릿함</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="24"/>
        <source>Brown hair</source>
        <translation>갈색 머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="25"/>
        <source>Bushy eyebrows</source>
        <translation>짙은 눈썹</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="26"/>
        <source>Chubby</source>
        <translation>통통함</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="27"/>
        <source>Double chin</source>
        <translation>이중턱</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="28"/>
        <source>Eyeglasses</source>
        <translation>안경</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="29"/>
        <source>Goatee</source>
        <translation>염소수염</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="30"/>
        <source>Grey hair</source>
        <translation>흰머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="31"/>
        <source>Heavy make-up</source>
        <translation>진한 화장</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="32"/>
        <source>High cheekbones</source>
        <translation>높은 광대뼈</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="33"/>
        <source>Male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="34"/>
        <source>Mouth open</source>
        <translation>벌린 입</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="35"/>
        <source>Moustache</source>
        <translation>콧수염</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="36"/>
        <source>Narrow eyes</source>
        <translation>가는 눈</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="37"/>
        <source>No beard</source>
        <translation>수염 없음</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="38"/>
        <source>Oval face</source>
        <translation>계란형 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="39"/>
        <source>Pale skin</source>
        <translation>창백한 피부</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="40"/>
        <source>Pointy nose</source>
        <translation>뾰족한 코</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="41"/>
        <source>Receding hairline</source>
        <translation>M자 이마</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="42"/>
        <source>Rosy cheeks</source>
        <translation>발그레한 볼</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="43"/>
        <source>Sideburns</source>
        <translation>구레나룻</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="44"/>
        <source>Smiling</source>
        <translation>미소</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="45"/>
        <source>Straight hair</source>
        <translation>직모</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="46"/>
        <source>Wavy hair</source>
        <translation>웨이브 머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="47"/>
        <source>Earrings</source>
        <translation>귀걸이</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="48"/>
        <source>Hat</source>
        <translation>모자</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="49"/>
        <source>Lipstick</source>
        <translation>립스틱</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="50"/>
        <source>Necklace</source>
        <translation>목걸이</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="51"/>
        <source>Necktie</source>
        <translation>넥타이</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="52"/>
        <source>Young</source>
        <translation>젊음</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="53"/>
        <source>Hair</source>
        <translation>머리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="54"/>
        <source>Face</source>
        <translation>얼굴</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="55"/>
        <source>Expression</source>
        <translation>표정</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="56"/>
        <source>Accessories</source>
        <translation>액세서리</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="57"/>
        <source>Age and gender</source>
        <translation>나이와 성별</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="58"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>facet::ui::ChartsPanel</name>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>neutral</source>
        <translation>무표정</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>happy</source>
        <translation>행복</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>sad</source>
        <translation>슬픔</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>angry</source>
        <translation>분노</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>fearful</source>
        <translation>두려움</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>disgusted</source>
        <translation>혐오</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="33"/>
        <source>surprised</source>
        <translation>놀람</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="43"/>
        <source>Attribute probabilities</source>
        <translation>속성 확률</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="44"/>
        <location filename="../ui/charts_panel.cpp" line="99"/>
        <source>original</source>
        <translation>원본</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="45"/>
        <location filename="../ui/charts_panel.cpp" line="100"/>
        <source>edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="46"/>
        <location filename="../ui/charts_panel.cpp" line="75"/>
        <source>second face</source>
        <translation>두 번째 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="72"/>
        <source>identity</source>
        <translation>신원</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="98"/>
        <source>Expression (from the pixels)</source>
        <translation>표정 (픽셀에서 읽음)</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="135"/>
        <source>Identity: —</source>
        <translation>신원 유지: —</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="141"/>
        <source>Age, gender and expression appear here once a photo or face is open.</source>
        <translation>사진이나 얼굴을 열면 나이, 성별, 표정이 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="142"/>
        <source>Age, gender and expression need the face-api models (Tools ▸ Models).</source>
        <translation>나이, 성별, 표정에는 face-api 모델이 필요합니다 (도구 ▸ 모델).</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="195"/>
        <source>Identity: %1 / 100</source>
        <translation>신원 유지: %1 / 100</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="198"/>
        <source>second face: %1 / 100</source>
        <translation>두 번째 얼굴: %1 / 100</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="210"/>
        <source>male %1</source>
        <translation>남성 %1</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="210"/>
        <source>female %1</source>
        <translation>여성 %1</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="212"/>
        <source>Age %1 → %2 · %3 → %4</source>
        <translation>나이 %1 → %2 · %3 → %4</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="235"/>
        <source>male (%1)</source>
        <translation>남성(%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="236"/>
        <source>female (%1)</source>
        <translation>여성(%1)</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="237"/>
        <source>Face %1: about %2 years, %3, %4</source>
        <translation>얼굴 %1: 약 %2세, %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="248"/>
        <source>faces 1 and %1: distance %2, %3</source>
        <translation>얼굴 1과 %1: 거리 %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="251"/>
        <source>likely the same person</source>
        <translation>같은 사람일 가능성이 큼</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="251"/>
        <source>different people</source>
        <translation>다른 사람</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="253"/>
        <source>Identity: %1</source>
        <translation>신원: %1</translation>
    </message>
</context>
<context>
    <name>facet::ui::FileMenu</name>
    <message>
        <location filename="../ui/file_menu.cpp" line="18"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 배열 (*.npy)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="18"/>
        <source>Facet sessions (*.facet)</source>
        <translation>Facet 세션 (*.facet)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="19"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="20"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="21"/>
        <source>Photos, W+ codes and sessions (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)</source>
        <translation>사진, W+ 코드, 세션 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="25"/>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="29"/>
        <source>Open sam&amp;ple photo</source>
        <translation>예제 사진 열기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="32"/>
        <source>The sample photo astronaut.png is not installed next to Facet.</source>
        <translation>예제 사진 astronaut.png가 Facet과 함께 설치되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="36"/>
        <source>Open &amp;W+ code (.npy)…</source>
        <translation>W+ 코드 열기(&amp;W) (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="37"/>
        <source>Open W+ code</source>
        <translation>W+ 코드 열기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="40"/>
        <source>Random &amp;face from the generator</source>
        <translation>생성기에서 무작위 얼굴(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="44"/>
        <source>Open &amp;session…</source>
        <translation>세션 열기(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="45"/>
        <source>Open session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="48"/>
        <source>&amp;Save session…</source>
        <translation>세션 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="49"/>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="53"/>
        <source>The bundled public-domain astronaut portrait (NASA)</source>
        <translation>함께 제공되는 퍼블릭 도메인 우주비행사 초상 (NASA)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="89"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="61"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="62"/>
        <source>Edited &amp;image…</source>
        <translation>편집된 이미지(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="63"/>
        <source>Export edited image</source>
        <translation>편집된 이미지 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="65"/>
        <source>Edited &amp;aligned face…</source>
        <translation>편집된 정렬 얼굴(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="66"/>
        <source>Export the edited aligned face</source>
        <translation>편집된 정렬 얼굴 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="68"/>
        <source>&amp;Before and after side by side…</source>
        <translation>전후 나란히(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="69"/>
        <source>Export side by side</source>
        <translation>나란히 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="71"/>
        <source>Edited &amp;W+ code (.npy)…</source>
        <translation>편집된 W+ 코드(&amp;W) (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="72"/>
        <source>Export W+ code</source>
        <translation>W+ 코드 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>facet::ui::JobProgress</name>
    <message>
        <location filename="../ui/job_progress.cpp" line="26"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/job_progress.cpp" line="34"/>
        <source>Stopping; the best result so far is kept…</source>
        <translation>멈추는 중입니다. 지금까지의 가장 좋은 결과는 유지됩니다…</translation>
    </message>
</context>
<context>
    <name>facet::ui::LayerMaskPanel</name>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="25"/>
        <source>Which W+ layers the attribute edits change. Coarse layers hold pose and face shape, middle ones features, fine ones colour and texture.</source>
        <translation>속성 편집이 바꾸는 W+ 레이어. 거친 레이어는 자세와 얼굴형, 중간 레이어는 이목구비, 세밀한 레이어는 색과 질감을 담습니다.</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="46"/>
        <source>W+ layer %1</source>
        <translation>W+ 레이어 %1</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="59"/>
        <source>Default: layers 0–10 (the paper&apos;s choice)</source>
        <translation>기본: 레이어 0–10 (논문의 선택)</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="60"/>
        <source>Coarse: layers 0–3 (pose, face shape)</source>
        <translation>거친: 레이어 0–3 (자세, 얼굴형)</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="61"/>
        <source>Middle: layers 4–7 (features)</source>
        <translation>중간: 레이어 4–7 (이목구비)</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="62"/>
        <source>Fine: layers 8–%1 (colour, texture)</source>
        <translation>세밀: 레이어 8–%1 (색, 질감)</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="63"/>
        <source>All layers 0–%1</source>
        <translation>모든 레이어 0–%1</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="64"/>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="108"/>
        <source>No layer is edited: the sliders change nothing.</source>
        <translation>편집되는 레이어가 없습니다: 슬라이더가 아무것도 바꾸지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="109"/>
        <source>Edits layers %1</source>
        <translation>레이어 %1 편집</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="47"/>
        <source>Edited layers</source>
        <translation>편집 레이어</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="49"/>
        <source>Edited &amp;layers</source>
        <translation>편집 레이어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>facet::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>Facet</source>
        <translation>Facet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>&amp;Panels</source>
        <translation>패널(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>Open a photo to begin (File ▸ Open).</source>
        <translation>사진을 열어 시작하세요 (파일 ▸ 열기).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Reset &amp;all attributes</source>
        <translation>모든 속성 초기화(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>&amp;Before/after split</source>
        <translation>전후 비교 분할(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="122"/>
        <source>&amp;Fit to window</source>
        <translation>창에 맞춤(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="124"/>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>&amp;Models…</source>
        <translation>모델(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>&amp;Tune the generator to this photo</source>
        <translation>생성기를 이 사진에 맞추기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Fine-tune the generator so that it reproduces this photo&apos;s face (pivotal tuning): edits then keep the person better. Takes minutes on a CPU; Cancel keeps the best so far.</source>
        <translation>생성기를 미세 조정하여 이 사진의 얼굴을 재현하게 합니다 (피벗 튜닝). 편집해도 인물이 더 잘 유지됩니다. CPU에서는 몇 분 걸리며, 취소하면 지금까지 가장 좋은 결과를 유지합니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="171"/>
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <source>Numbers</source>
        <translation>수치</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Facet sessions (*.facet)</source>
        <translation>Facet 세션 (*.facet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>Unsaved edits</source>
        <translation>저장하지 않은 편집</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>The edits to this face are not saved.</source>
        <translation>이 얼굴의 편집 내용이 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="82"/>
        <source>Save them in a session, discard them, or go back to editing?</source>
        <translation>세션에 저장하시겠습니까, 버리시겠습니까, 아니면 편집으로 돌아가시겠습니까?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="18"/>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="19"/>
        <source>Facet did not close normally last time. Restore the edit it was working on?</source>
        <translation>지난번 Facet이 정상적으로 종료되지 않았습니다. 작업 중이던 편집을 복원할까요?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Open a photo, a W+ code or a random face (File menu) to start editing.</source>
        <translation>편집을 시작하려면 사진, W+ 코드 또는 무작위 얼굴을 여십시오(파일 메뉴).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>Install or locate a generator (Tools ▸ Models), then open a photo to start editing.</source>
        <translation>생성기를 설치하거나 위치를 지정한 다음(도구 ▸ 모델) 사진을 열어 편집을 시작하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="29"/>
        <source>No generator loaded: %1</source>
        <translation>생성기가 로드되지 않음: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="30"/>
        <location filename="../ui/main_window_workflows.cpp" line="72"/>
        <source>Models…</source>
        <translation>모델…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="38"/>
        <source>Models loaded.</source>
        <translation>모델을 불러왔습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="48"/>
        <source>Face %1 (%2×%3 at %4, %5)</source>
        <translation>얼굴 %1 (%2×%3, 위치 %4, %5)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="50"/>
        <source>Choose a face</source>
        <translation>얼굴 선택</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="70"/>
        <source>Refine from the average face</source>
        <translation>평균 얼굴에서 정제</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>Show in &amp;photo</source>
        <translation>사진에 표시(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="133"/>
        <source>Show the edited face pasted back into the photo</source>
        <translation>편집된 얼굴을 사진에 다시 붙여 표시</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147"/>
        <source>Photo &amp;refinement…</source>
        <translation>사진 정제(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>facet::ui::MessageBar</name>
    <message>
        <location filename="../ui/message_bar.cpp" line="31"/>
        <source>Close this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>facet::ui::ModelManagerDialog</name>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="23"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Location</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Checksum</source>
        <translation>체크섬</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="46"/>
        <source>Verify checksums</source>
        <translation>체크섬 확인</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="48"/>
        <source>Use a models folder…</source>
        <translation>모델 폴더 사용…</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="50"/>
        <source>Run models/fetch</source>
        <translation>models/fetch 실행</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="52"/>
        <source>Look again</source>
        <translation>다시 찾기</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="71"/>
        <source>models/fetch output appears here.</source>
        <translation>models/fetch 출력이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="109"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="109"/>
        <source>found</source>
        <translation>있음</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="111"/>
        <source>download by hand: %1</source>
        <translation>직접 내려받기: %1</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="118"/>
        <source>Facet looks for models in: %1</source>
        <translation>Facet이 모델을 찾는 위치: %1</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="121"/>
        <source>A generator is installed: attribute editing is available.</source>
        <translation>생성기가 설치되어 있어 속성 편집을 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="123"/>
        <source>No StyleGAN2 generator is installed, so faces cannot be edited yet. Facet still opens photos, finds, aligns and analyses faces. To edit, download stylegan2-ffhq-config-f.pt (or psp_ffhq_encode.pt) from the link in the table and put it in %1, or choose the folder that holds it with &quot;Use a models folder…&quot;.</source>
        <translation>StyleGAN2 생성기가 설치되지 않아 아직 얼굴을 편집할 수 없습니다. Facet은 여전히 사진을 열고 얼굴을 찾고 정렬하고 분석합니다. 편집하려면 표의 링크에서 stylegan2-ffhq-config-f.pt(또는 psp_ffhq_encode.pt)를 내려받아 %1에 넣거나, &quot;모델 폴더 사용…&quot;으로 그 파일이 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="133"/>
        <source>Folder that holds the models</source>
        <translation>모델이 있는 폴더</translation>
    </message>
</context>
<context>
    <name>facet::ui::PreviewWidget</name>
    <message>
        <location filename="../ui/preview_widget.cpp" line="117"/>
        <source>Before</source>
        <translation>이전</translation>
    </message>
</context>
<context>
    <name>facet::ui::RefinementDialog</name>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="30"/>
        <source>Photo refinement</source>
        <translation>사진 정제</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="33"/>
        <source>After the encoder, Facet can optimise the face&apos;s W+ code so that the generated face matches the photo more closely (Image2StyleGAN). It uses the LPIPS or VGG-16 perceptual model when installed, else the pixel loss alone. More steps fit the photo better and take longer; Cancel during the refinement keeps the best code so far.</source>
        <translation>인코더 다음에 Facet은 생성된 얼굴이 사진과 더 가깝게 맞도록 얼굴의 W+ 코드를 최적화할 수 있습니다(Image2StyleGAN). LPIPS 또는 VGG-16 지각 모델이 설치되어 있으면 사용하고, 없으면 픽셀 손실만 사용합니다. 단계가 많을수록 사진에 더 잘 맞지만 더 오래 걸립니다. 정제 중에 취소하면 지금까지의 최선의 코드를 유지합니다.</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="49"/>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="51"/>
        <source>&amp;Steps after the encoder:</source>
        <translation>인코더 다음 단계 수(&amp;S):</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="69"/>
        <source>Measuring a refinement step…</source>
        <translation>정제 한 단계의 시간을 재는 중…</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="101"/>
        <source>Refinement is off: the encoder&apos;s code is used as it is.</source>
        <translation>정제가 꺼져 있습니다: 인코더의 코드를 그대로 사용합니다.</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="102"/>
        <source>Refinement is off. Without an encoder, an opened photo&apos;s face waits until you refine it from the average face (the message above the preview offers it).</source>
        <translation>정제가 꺼져 있습니다. 인코더가 없으면 연 사진의 얼굴은 평균 얼굴에서 정제할 때까지 기다립니다(미리보기 위의 메시지가 제안합니다).</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="106"/>
        <source>%1 steps take %2 on this machine (%3 s per step, %4).</source>
        <translation>%1단계는 이 컴퓨터에서 %2 걸립니다(단계당 %3초, %4).</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="112"/>
        <source>Measuring how long a step takes (%1)…</source>
        <translation>한 단계에 걸리는 시간을 재는 중(%1)…</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="114"/>
        <source>The time per step could not be measured: %1</source>
        <translation>단계당 시간을 잴 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="116"/>
        <source>Load a generator (Tools ▸ Models) to see how long the refinement takes.</source>
        <translation>정제에 걸리는 시간을 보려면 생성기를 로드하십시오(도구 ▸ 모델).</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="141"/>
        <source>Photos will be refined for %1 steps after the encoder.</source>
        <translation>사진은 인코더 다음에 %1단계 정제됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="143"/>
        <source>Photo refinement is off.</source>
        <translation>사진 정제가 꺼져 있습니다.</translation>
    </message>
</context>
<context>
    <name>facet::ui::StatusCorner</name>
    <message>
        <location filename="../ui/status_corner.cpp" line="16"/>
        <source>models: none</source>
        <translation>모델: 없음</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="18"/>
        <source>device: cpu</source>
        <translation>장치: cpu</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="24"/>
        <source>preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="24"/>
        <source>full</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="25"/>
        <source>%1 ms/%2</source>
        <translation>%1 ms/%2</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="26"/>
        <source>edit %1 ms · synthesis %2 ms · scoring %3 ms</source>
        <translation>편집 %1 ms · 합성 %2 ms · 평가 %3 ms</translation>
    </message>
</context>
<context>
    <name>facet::ui::TextEditDialog</name>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="29"/>
        <source>Add text edit</source>
        <translation>텍스트 편집 추가</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="36"/>
        <source>e.g. a face with curly hair</source>
        <translation>예: 곱슬머리 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="37"/>
        <source>Prompt:</source>
        <translation>프롬프트:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="40"/>
        <source>Global direction (fast slider, any face)</source>
        <translation>전역 방향 (빠른 슬라이더, 모든 얼굴)</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="41"/>
        <source>Optimise this face (slow, most faithful)</source>
        <translation>이 얼굴 최적화 (느림, 가장 충실함)</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="42"/>
        <source>Load a saved direction file</source>
        <translation>저장된 방향 파일 불러오기</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="43"/>
        <source>Method:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="46"/>
        <source>What the prompt is compared against (global directions)</source>
        <translation>프롬프트와 비교할 기준 (전역 방향)</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="47"/>
        <source>Neutral text:</source>
        <translation>중립 텍스트:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="53"/>
        <source>Disentanglement threshold β: higher changes fewer style channels</source>
        <translation>분리 임계값 β: 높을수록 바뀌는 스타일 채널이 적습니다</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="54"/>
        <source>Threshold β:</source>
        <translation>임계값 β:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="59"/>
        <source>Faces averaged per style channel when the relevance statistics are computed (StyleCLIP: 100). Fewer is much faster and rougher; each setting is cached separately.</source>
        <translation>관련도 통계를 계산할 때 스타일 채널마다 평균하는 얼굴 수 (StyleCLIP: 100). 적을수록 훨씬 빠르지만 거칠며, 설정마다 따로 캐시됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="61"/>
        <source>Faces per channel:</source>
        <translation>채널당 얼굴 수:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="66"/>
        <source>Steps:</source>
        <translation>단계:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="70"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="73"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="78"/>
        <source>No CLIP model is installed: global directions and optimisation need ViT-B-32.pt (Tools ▸ Models). You can still load a saved direction file.</source>
        <translation>CLIP 모델이 설치되어 있지 않습니다: 전역 방향과 최적화에는 ViT-B-32.pt가 필요합니다 (도구 ▸ 모델). 저장된 방향 파일은 불러올 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="92"/>
        <source>Make slider</source>
        <translation>슬라이더 만들기</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="100"/>
        <source>Load text direction</source>
        <translation>텍스트 방향 불러오기</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="101"/>
        <source>Text directions (*.json);;Latent mappers (*.pt *.pth)</source>
        <translation>텍스트 방향 (*.json);;잠재 매퍼 (*.pt *.pth)</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="150"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="150"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="166"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="178"/>
        <source>Loaded &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 불러옴</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="199"/>
        <source>Computing the relevance statistics (once per generator; cached)…</source>
        <translation>관련도 통계 계산 중 (생성기마다 한 번, 캐시됨)…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="200"/>
        <source>Optimising the face for the prompt…</source>
        <translation>프롬프트에 맞게 얼굴 최적화 중…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="208"/>
        <source>Making the text edit &quot;%1&quot;…</source>
        <translation>텍스트 편집 &quot;%1&quot;을(를) 만드는 중…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="233"/>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="242"/>
        <source>Made &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 만듦</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="247"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="247"/>
        <source>Cancelled.</source>
        <translation>취소됨.</translation>
    </message>
</context>
<context>
    <name>facet::ui::TextSliderPanel</name>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="19"/>
        <source>global direction</source>
        <translation>전역 방향</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="20"/>
        <source>optimisation</source>
        <translation>최적화</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="21"/>
        <source>mapper</source>
        <translation>매퍼</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="22"/>
        <source>direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="27"/>
        <source>No text edits yet.</source>
        <translation>아직 텍스트 편집이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="35"/>
        <source>Add text edit…</source>
        <translation>텍스트 편집 추가…</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="37"/>
        <source>Edit the face with a text prompt (StyleCLIP): global direction, optimisation, or a saved direction file</source>
        <translation>텍스트 프롬프트로 얼굴 편집 (StyleCLIP): 전역 방향, 최적화 또는 저장된 방향 파일</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="79"/>
        <source>%1 (neutral: %2)</source>
        <translation>%1 (중립: %2)</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="99"/>
        <source>Reset %1</source>
        <translation>%1 초기화</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="104"/>
        <source>Remove %1</source>
        <translation>%1 제거</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="32"/>
        <source>Text edits</source>
        <translation>텍스트 편집</translation>
    </message>
</context>
<context>
    <name>facet::ui::TimelinePanel</name>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="73"/>
        <source>● Record</source>
        <translation>● 녹화</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="75"/>
        <source>Record every slider change as a keyframe</source>
        <translation>슬라이더 변경을 모두 키프레임으로 기록</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="78"/>
        <source>▶ Play</source>
        <translation>▶ 재생</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="81"/>
        <source>■ Stop</source>
        <translation>■ 정지</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="86"/>
        <source>Smooth (Catmull-Rom)</source>
        <translation>부드럽게 (Catmull-Rom)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="87"/>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="88"/>
        <source>Render video…</source>
        <translation>동영상 렌더링…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="90"/>
        <source>Edit a video…</source>
        <translation>동영상 편집…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="97"/>
        <source>Interpolation:</source>
        <translation>보간:</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="117"/>
        <source>Time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="117"/>
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="132"/>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="133"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="144"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="147"/>
        <source>Delete keyframe</source>
        <translation>키프레임 삭제</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="231"/>
        <source>two faces %1</source>
        <translation>두 얼굴 %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="232"/>
        <source>(no edit)</source>
        <translation>(편집 없음)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="258"/>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 초</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="299"/>
        <source>Render video</source>
        <translation>동영상 렌더링</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="299"/>
        <source>Record a timeline first (● Record, then move sliders).</source>
        <translation>먼저 타임라인을 녹화하세요 (● 녹화 후 슬라이더 이동).</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="314"/>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
</context>
<context>
    <name>facet::ui::TimelineRenderDialog</name>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="28"/>
        <source>Render timeline to video</source>
        <translation>타임라인을 동영상으로 렌더링</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="38"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="39"/>
        <source>Frame rate</source>
        <translation>프레임 속도</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="43"/>
        <source>Aligned crop %1 × %1</source>
        <translation>정렬된 얼굴 %1 × %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="47"/>
        <source>Pasted into the photo %1 × %2</source>
        <translation>사진에 붙여넣기 %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="49"/>
        <source>Pasted into the photo (open a photo and embed its face first)</source>
        <translation>사진에 붙여넣기 (먼저 사진을 열고 얼굴을 임베딩하세요)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="52"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="55"/>
        <source>MP4, best available (H.264, else MPEG-4, else MJPEG AVI)</source>
        <translation>MP4, 가능한 최선 (H.264, 없으면 MPEG-4, 없으면 MJPEG AVI)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="56"/>
        <source>MP4, H.264</source>
        <translation>MP4, H.264</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="57"/>
        <source>MP4, MPEG-4 Part 2</source>
        <translation>MP4, MPEG-4 Part 2</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="58"/>
        <source>AVI, MJPEG</source>
        <translation>AVI, MJPEG</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="59"/>
        <source>Container / codec</source>
        <translation>컨테이너 / 코덱</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="63"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="66"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="80"/>
        <source>Render</source>
        <translation>렌더링</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="82"/>
        <location filename="../ui/timeline_render_dialog.cpp" line="171"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="141"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="87"/>
        <source>No face model is loaded: open and embed a photo first (the render uses the editor&apos;s generator and transformers).</source>
        <translation>얼굴 모델이 없습니다: 먼저 사진을 열고 임베딩하세요 (렌더링은 편집기의 생성기와 변환기를 사용합니다).</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="91"/>
        <source>%1 keyframes, %2 s: %3 frames at this rate.</source>
        <translation>키프레임 %1개, %2초: 이 속도로 %3프레임.</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="99"/>
        <source>Save video</source>
        <translation>동영상 저장</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="100"/>
        <source>Videos (*.mp4 *.avi)</source>
        <translation>동영상 (*.mp4 *.avi)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="107"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="148"/>
        <source>Rendering…</source>
        <translation>렌더링 중…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="151"/>
        <source>Rendering the timeline to %1…</source>
        <translation>타임라인을 %1(으)로 렌더링하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="164"/>
        <source>Frame %1 of %2…</source>
        <translation>%2프레임 중 %1…</translation>
    </message>
</context>
<context>
    <name>facet::ui::TwoFacesPanel</name>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="30"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="31"/>
        <source>Morph into a second face</source>
        <translation>두 번째 얼굴로 모핑</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="32"/>
        <source>Mix layers of a second face</source>
        <translation>두 번째 얼굴의 레이어 섞기</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="33"/>
        <source>Transfer an expression</source>
        <translation>표정 옮기기</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="34"/>
        <source>Done before the attribute and text sliders: they then edit the morphed, mixed or re-expressed face.</source>
        <translation>속성·텍스트 슬라이더보다 먼저 적용됩니다. 슬라이더는 모핑·혼합·표정 변경된 얼굴을 편집합니다.</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="42"/>
        <source>Second face</source>
        <translation>두 번째 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="42"/>
        <source>The face to morph into or take layers from</source>
        <translation>모핑할 대상 또는 레이어를 가져올 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="43"/>
        <source>Neutral face</source>
        <translation>무표정 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="44"/>
        <source>A face without the expression (best the same person as the expressive face)</source>
        <translation>표정이 없는 얼굴 (표정 있는 얼굴과 같은 사람이 가장 좋음)</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="45"/>
        <source>Expressive face</source>
        <translation>표정 있는 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="45"/>
        <source>The same face with the expression</source>
        <translation>표정을 지은 같은 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="60"/>
        <source>The layers taken from the second face: coarse ones hold pose and face shape, middle ones features, fine ones colour and texture.</source>
        <translation>두 번째 얼굴에서 가져올 레이어: 거친 레이어는 자세와 얼굴형, 중간 레이어는 이목구비, 세밀한 레이어는 색과 질감을 담습니다.</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="96"/>
        <location filename="../ui/two_faces_panel.cpp" line="185"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="102"/>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="107"/>
        <source>Photo…</source>
        <translation>사진…</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="108"/>
        <source>W+ code (.npy)…</source>
        <translation>W+ 코드 (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="109"/>
        <source>Random face</source>
        <translation>무작위 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="110"/>
        <source>Recent faces</source>
        <translation>최근 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="138"/>
        <source>Morph, mix or move the expression of the edited face with other faces: pick an operation.</source>
        <translation>다른 얼굴과 모핑하거나 섞거나 표정을 옮길 수 있습니다: 작업을 고르세요.</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="141"/>
        <source>w = λ·this face + (1 − λ)·second face, in W+ as Image2StyleGAN morphs photos.</source>
        <translation>w = λ·이 얼굴 + (1 − λ)·두 번째 얼굴 (Image2StyleGAN처럼 W+에서 모핑).</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="144"/>
        <source>The ticked layers come from the second face: coarse (0–3) pose and face shape, middle (4–7) features, fine (8+) colour and texture.</source>
        <translation>체크한 레이어를 두 번째 얼굴에서 가져옵니다: 거친(0–3) 자세와 얼굴형, 중간(4–7) 이목구비, 세밀한(8+) 색과 질감.</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="148"/>
        <source>w = this face + λ·(expressive − neutral): the change between two faces of one person, added to this one.</source>
        <translation>w = 이 얼굴 + λ·(표정 있는 얼굴 − 무표정 얼굴): 한 사람의 두 얼굴 사이 변화를 이 얼굴에 더합니다.</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="159"/>
        <source>λ = %1 (1: this face, 0: the second face)</source>
        <translation>λ = %1 (1: 이 얼굴, 0: 두 번째 얼굴)</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="162"/>
        <source>Strength %1 (1 takes the layers whole)</source>
        <translation>강도 %1 (1이면 레이어를 그대로 가져옴)</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="165"/>
        <source>λ = %1 (0: no change, 1: the whole expression)</source>
        <translation>λ = %1 (0: 변화 없음, 1: 표정 전체)</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="64"/>
        <source>Two faces</source>
        <translation>두 얼굴</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="66"/>
        <source>&amp;Two faces</source>
        <translation>두 얼굴(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="80"/>
        <source>Photo of the %1 face</source>
        <translation>%1 얼굴의 사진</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="85"/>
        <source>W+ code of the %1 face</source>
        <translation>%1 얼굴의 W+ 코드</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="86"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 배열 (*.npy)</translation>
    </message>
</context>
<context>
    <name>facet::ui::VideoEditDialog</name>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="33"/>
        <source>Edit a video</source>
        <translation>동영상 편집</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="41"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="43"/>
        <source>Videos (*.mp4 *.mov *.avi *.mkv *.webm)</source>
        <translation>동영상 (*.mp4 *.mov *.avi *.mkv *.webm)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="44"/>
        <source>Save edited video</source>
        <translation>편집된 동영상 저장</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="45"/>
        <source>Open video</source>
        <translation>동영상 열기</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="52"/>
        <source>Video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="53"/>
        <source>Save as</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="56"/>
        <source>Attribute</source>
        <translation>속성</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="56"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="61"/>
        <source>Add edit</source>
        <translation>편집 추가</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="62"/>
        <source>Remove edit</source>
        <translation>편집 제거</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="69"/>
        <source>Edits (applied in order; layers ≥ 11 kept)</source>
        <translation>편집 (순서대로 적용; 11번 이상 레이어 유지)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="72"/>
        <source>Feathered landmark mask</source>
        <translation>페더링된 랜드마크 마스크</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="73"/>
        <source>Seamless cloning</source>
        <translation>심리스 클로닝</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="74"/>
        <source>Blending</source>
        <translation>합성</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="82"/>
        <source>end</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="83"/>
        <source>from frame</source>
        <translation>시작 프레임</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="85"/>
        <source>to (excluded)</source>
        <translation>끝 (제외)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="88"/>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="94"/>
        <source>off (encoder only)</source>
        <translation>끔 (인코더만)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="95"/>
        <source> steps per frame</source>
        <translation> 단계/프레임</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="96"/>
        <source>start each frame from the previous one</source>
        <translation>각 프레임을 이전 프레임 결과에서 시작</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="103"/>
        <source>Optimise each frame</source>
        <translation>프레임별 최적화</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="105"/>
        <source>Keep the audio (needs ffmpeg)</source>
        <translation>오디오 유지 (ffmpeg 필요)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="108"/>
        <source>Resume an interrupted edit to this file (keeps its finished frames)</source>
        <translation>이 파일로의 중단된 편집 이어서 하기 (완료된 프레임 유지)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="115"/>
        <source>Choose a video and the edits.</source>
        <translation>동영상과 편집을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="122"/>
        <source>Edit video</source>
        <translation>동영상 편집</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="124"/>
        <location filename="../ui/video_edit_dialog.cpp" line="235"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="217"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="146"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="152"/>
        <source>Video editing needs face detection and alignment and an encoder, which this build does not provide yet (use facet-cli edit-video when it does).</source>
        <translation>동영상 편집에는 얼굴 검출·정렬과 인코더가 필요하지만 이 빌드에는 아직 없습니다 (있으면 facet-cli edit-video를 사용하세요).</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="204"/>
        <source>Add at least one edit.</source>
        <translation>편집을 하나 이상 추가하세요.</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="218"/>
        <source>Loading the models…</source>
        <translation>모델을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="221"/>
        <source>Editing %1…</source>
        <translation>%1 편집 중…</translation>
    </message>
</context>
</TS>
