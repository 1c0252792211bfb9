<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>facet::app::RenderWorker</name>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="62" />
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="72" />
        <source>Rendering failed: %1</source>
        <translation>렌더링 실패: %1</translation>
    </message>
</context>
<context>
    <name>facet::ui::AttributeSliderPanel</name>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="30" />
        <source>Filter attributes…</source>
        <translation>속성 필터…</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="45" />
        <source>Reset all</source>
        <translation>모두 초기화</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="79" />
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="81" />
        <source>No trained transformer for this attribute: a linear latent direction is used.</source>
        <translation>이 속성에는 학습된 변환기가 없어 선형 잠재 방향을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="98" />
        <source>Classifier probability of this attribute in the edited face</source>
        <translation>편집된 얼굴에서 이 속성의 분류기 확률</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="102" />
        <source>Reset %1</source>
        <translation>%1 초기화</translation>
    </message>
</context>
<context>
    <name>facet::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="27" />
        <source>Facet</source>
        <translation>Facet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="34" />
        <source>Open a photo to begin (File ▸ Open).</source>
        <translation>사진을 열어 시작하세요 (파일 ▸ 열기).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="38" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="39" />
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="42" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="45" />
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46" />
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="49" />
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53" />
        <source>Reset &amp;all attributes</source>
        <translation>모든 속성 초기화(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="57" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="68" />
        <source>The language changes when Facet restarts.</source>
        <translation>언어는 Facet을 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71" />
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="72" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="73" />
        <source>&amp;About Facet</source>
        <translation>Facet 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77" />
        <source>No photo open</source>
        <translation>열린 사진 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="83" />
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97" />
        <source>device: cpu</source>
        <translation>장치: cpu</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102" />
        <source>Open photo</source>
        <translation>사진 열기</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103" />
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112" />
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118" />
        <source>Opened %1 (%2×%3)</source>
        <translation>%1 열림 (%2×%3)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135" />
        <source>Change attributes</source>
        <translation>속성 변경</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155" />
        <source>preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155" />
        <source>full</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156" />
        <source>%1 ms/%2</source>
        <translation>%1 ms/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="167" />
        <source>About Facet</source>
        <translation>Facet 정보</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="168" />
        <source>Facet %1
Edit the attributes of faces in photos and videos with StyleGAN2 and the Latent Transformer.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>