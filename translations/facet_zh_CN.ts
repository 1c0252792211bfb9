<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreError</name>
    <message>
        <location filename="../app/editor/error_text.cpp" line="18"/>
        <source>%1: no face found (Facet looks for upright, roughly frontal faces at least about 40 px wide)</source>
        <translation>%1：未找到人脸（Facet 查找宽度至少约 40 像素、直立且大致正面的人脸）</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="21"/>
        <source>%1: face %2 asked, but %3 face(s) were found (0 is the largest)</source>
        <translation>%1：请求第 %2 张人脸，但只找到 %3 张（0 为最大的一张）</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="23"/>
        <source>%1: not a readable image (corrupt, truncated or an unsupported format; use JPEG, PNG, BMP, WebP or TIFF)</source>
        <translation>%1：无法读取的图像（已损坏、被截断或格式不受支持；请使用 JPEG、PNG、BMP、WebP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="27"/>
        <source>%1: the file is empty; choose a photo (JPEG, PNG, BMP, WebP or TIFF)</source>
        <translation>%1：文件为空；请选择一张照片（JPEG、PNG、BMP、WebP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="29"/>
        <source>%1: the header says the image is %2×%3 pixels; the file is damaged</source>
        <translation>%1：文件头声明图像为 %2×%3 像素；文件已损坏</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="31"/>
        <source>%1: the photo is %2×%3 (%4 megapixels); Facet reads photos up to %5 megapixels. Scale it down first.</source>
        <translation>%1：照片为 %2×%3（%4 百万像素）；Facet 最多读取 %5 百万像素的照片。请先缩小。</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="35"/>
        <source>%1: the file is %2 MB; Facet reads photo files up to %3 MB</source>
        <translation>%1：文件大小为 %2 MB；Facet 最多读取 %3 MB 的照片文件</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="37"/>
        <source>the face is aligned, but no encoder is installed to turn it into a W+ code: get e4e_ffhq_encode.pt or psp_ffhq_encode.pt (models/fetch), or refine from the average face</source>
        <translation>人脸已对齐，但未安装将其转换为 W+ 代码的编码器：请获取 e4e_ffhq_encode.pt 或 psp_ffhq_encode.pt（models/fetch），或从平均人脸开始精修</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="40"/>
        <source>no generator loaded</source>
        <translation>未加载生成器</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="42"/>
        <source>no StyleGAN2 generator found (stylegan2-ffhq-config-f.pt or psp_ffhq_encode.pt); open Tools ▸ Models to see where Facet looks, or run models/fetch</source>
        <translation>未找到 StyleGAN2 生成器（stylegan2-ffhq-config-f.pt 或 psp_ffhq_encode.pt）；打开“工具 ▸ 模型”查看 Facet 的查找位置，或运行 models/fetch</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="45"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="47"/>
        <source>cannot write %1: %2 (nothing was changed)</source>
        <translation>无法写入 %1：%2（未做任何更改）</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="48"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="49"/>
        <source>%1: is a folder, not a file</source>
        <translation>%1：这是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="50"/>
        <source>%1: not a NumPy .npy file</source>
        <translation>%1：不是 NumPy .npy 文件</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="51"/>
        <source>%1: not a Facet session file</source>
        <translation>%1：不是 Facet 会话文件</translation>
    </message>
    <message>
        <location filename="../app/editor/error_text.cpp" line="53"/>
        <source>%1: written by a newer Facet (session format %2); update Facet to open it</source>
        <translation>%1：由更新版本的 Facet 写入（会话格式 %2）；请更新 Facet 后再打开</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../ui/help_menu.cpp" line="13"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="14"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="15"/>
        <source>Facet user guide</source>
        <translation>Facet 使用指南</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="22"/>
        <source>&amp;About Facet</source>
        <translation>关于 Facet(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="23"/>
        <source>About Facet</source>
        <translation>关于 Facet</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.cpp" line="24"/>
        <source>Facet %1
Edit the attributes of faces in photos and videos with StyleGAN2 and the Latent Transformer.</source>
        <translation>Facet %1
使用 StyleGAN2 和 Latent Transformer 编辑照片和视频中人脸的属性。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ui/language.cpp" line="76"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/language.cpp" line="86"/>
        <source>The language changes when Facet restarts.</source>
        <translation>重新启动 Facet 后语言生效。</translation>
    </message>
</context>
<context>
    <name>PreviewSpeedMenu</name>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="14"/>
        <source>Always at full preview size</source>
        <translation>始终使用完整预览尺寸</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="15"/>
        <source>Within %1 ms</source>
        <translation>%1 毫秒以内</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="20"/>
        <source>Preview &amp;speed</source>
        <translation>预览速度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/preview_speed_menu.cpp" line="27"/>
        <source>While a slider moves, previews take at most this long: over it they are computed in a faster precision first, then at a smaller size. At rest the image is always full size.</source>
        <translation>拖动滑块时，每次预览最多用这么长时间：超过时先改用更快的精度计算，再缩小尺寸。停下后图像始终为完整尺寸。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="21"/>
        <source>%1, face %2</source>
        <translation>%1，第 %2 张脸</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="22"/>
        <source>random face %1</source>
        <translation>随机人脸 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_state.cpp" line="139"/>
        <source>embedding a photo&apos;s face needs an encoder (pSp/e4e, Tools ▸ Models) or refinement steps (Tools ▸ Photo refinement)</source>
        <translation>嵌入照片中的人脸需要编码器（pSp/e4e，工具 ▸ 模型）或优化步数（工具 ▸ 照片优化）</translation>
    </message>
</context>
<context>
    <name>RefinementSettings</name>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="43"/>
        <source>no generator loaded</source>
        <translation>未加载生成器</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="45"/>
        <source>%1 generator on %2</source>
        <translation>%2 上的 %1 生成器</translation>
    </message>
</context>
<context>
    <name>TextEditDialog</name>
    <message>
        <location filename="../app/editor/text_edit_job.cpp" line="59"/>
        <source>open a face first: a mapper is applied to it</source>
        <translation>请先打开人脸：映射器作用于人脸</translation>
    </message>
    <message>
        <location filename="../app/editor/text_edit_job.cpp" line="68"/>
        <source>Cannot load the direction: %1</source>
        <translation>无法加载方向：%1</translation>
    </message>
</context>
<context>
    <name>facet::app</name>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="19"/>
        <source>Facet in five minutes</source>
        <translation>五分钟上手 Facet</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="20"/>
        <source>Open a photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="21"/>
        <source>File ▸ Open (Ctrl+O), drag a photo onto the window, or File ▸ Open sample photo. Facet finds the faces, asks which one when there are several, aligns it and gives it a code in the generator&apos;s latent space (W+).</source>
        <translation>使用 文件 ▸ 打开（Ctrl+O），把照片拖到窗口上，或选择 文件 ▸ 打开示例照片。Facet 会找到人脸，有多张时询问要编辑哪一张，将其对齐，并在生成器的潜在空间（W+）中为它生成编码。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="24"/>
        <source>With an encoder installed this takes seconds. Without one, the message above the preview offers to refine the face from the average face; Tools ▸ Photo refinement sets how many steps follow the encoder and says how long they take here.</source>
        <translation>安装了编码器时只需几秒。没有编码器时，预览上方的消息会提供从平均人脸开始优化；工具 ▸ 照片优化可设置编码器之后的优化步数，并显示在本机上需要多长时间。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="27"/>
        <source>Edit with the sliders</source>
        <translation>用滑块编辑</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="28"/>
        <source>Each attribute slider moves the face along one attribute (age, smile, glasses…) while the others are kept. The preview follows the slider at a small size and renders at full size when you let go. The Numbers dock shows what the classifier reads and how alike the edited face is to the original.</source>
        <translation>每个属性滑块沿一个属性（年龄、微笑、眼镜……）改变人脸，其他属性保持不变。拖动时预览以小尺寸跟随滑块，松手后以完整尺寸渲染。数值面板显示分类器的读数以及编辑后的人脸与原脸的相似程度。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="32"/>
        <source>Edited layers chooses which W+ layers the edits change: the coarse ones change the shape, the fine ones colour and texture. Text edits add sliders made from a prompt (StyleCLIP). Every change can be undone (Ctrl+Z).</source>
        <translation>编辑层用于选择编辑改变哪些 W+ 层：粗层改变形状，细层改变颜色和纹理。文本编辑会添加由提示词生成的滑块（StyleCLIP）。每一次更改都可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="35"/>
        <source>Save and export</source>
        <translation>保存与导出</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="36"/>
        <source>File ▸ Save session keeps the face, every slider and the timeline in a .facet file. File ▸ Export writes the edited photo (the face pasted back), the aligned face, a before/after image or the edited code. The opened photo is never overwritten.</source>
        <translation>文件 ▸ 保存会话会把人脸、所有滑块和时间线保存在 .facet 文件中。文件 ▸ 导出可写出编辑后的照片（人脸贴回原图）、对齐后的人脸、前后对比图或编辑后的编码。打开的照片永远不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="39"/>
        <source>Timelines and videos</source>
        <translation>时间线与视频</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="40"/>
        <source>● Record in the Timeline dock records slider moves as keyframes; play them back, change them, and render them to a video. Edit video applies the current edit to every frame of a video, with the face tracked steadily.</source>
        <translation>时间线面板中的 ● 录制会把滑块的移动记录为关键帧；可以回放、修改并渲染成视频。编辑视频会把当前编辑应用到视频的每一帧，并稳定地跟踪人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="43"/>
        <source>Two faces</source>
        <translation>两张脸</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="44"/>
        <source>The Two faces dock morphs the face into a second face, mixes layers from it, or transfers an expression from a neutral and an expressive face. The faces come from photos, W+ files or random draws.</source>
        <translation>双人脸面板可以把人脸渐变为第二张人脸、混合其部分层，或从中性和有表情的两张人脸迁移表情。这些人脸可来自照片、W+ 文件或随机抽取。</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="47"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/editor/user_guide.cpp" line="48"/>
        <source>Tools ▸ Models lists every model Facet uses, where it was found, and how to get the missing ones. Without a generator Facet still finds and reads the faces in a photo when the face-analysis models are installed.</source>
        <translation>工具 ▸ 模型列出 Facet 使用的每个模型、找到它的位置以及获取缺失模型的方法。即使没有生成器，只要安装了人脸分析模型，Facet 仍能找到并读取照片中的人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="67"/>
        <source>Video editing is not available in this build.</source>
        <translation>此版本不提供视频编辑。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="69"/>
        <source>Per-frame optimisation is not available in this build.</source>
        <translation>此版本不支持逐帧优化。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="72"/>
        <source>No encoder is installed (Tools ▸ Models): set “Optimise each frame” to embed the frames by optimisation alone.</source>
        <translation>未安装编码器（工具 ▸ 模型）：设置“逐帧优化”即可仅通过优化嵌入各帧。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="75"/>
        <source>Tracking the face…</source>
        <translation>正在跟踪人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="79"/>
        <source>Tracking the face: frame %1</source>
        <translation>正在跟踪人脸：第 %1 帧</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="80"/>
        <source>Writing the video: frame %1</source>
        <translation>正在写入视频：第 %1 帧</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="81"/>
        <source>Editing: frame %1</source>
        <translation>正在编辑：第 %1 帧</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="86"/>
        <source>Cancelled after %1 frames. They are kept: tick “Resume” and start again to continue.</source>
        <translation>已在 %1 帧后取消。已完成的帧已保留：勾选“继续”并重新开始即可继续。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="90"/>
        <source>Wrote %1 frames (%2 edited) to %3 at %4 frames per second. Jitter %5 → %6 px. %7</source>
        <translation>已将 %1 帧（%2 帧已编辑）以每秒 %4 帧写入 %3。抖动 %5 → %6 px。%7</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="94"/>
        <source> No face (passed through): frames %1.</source>
        <translation> 无人脸（原样保留）：第 %1 帧。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="95"/>
        <source> %1 frames came from the interrupted run.</source>
        <translation> %1 帧来自中断的运行。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="97"/>
        <source> %1 frames optimised; the face changes by %2 levels per frame.</source>
        <translation> 已优化 %1 帧；人脸每帧变化 %2 级。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="121"/>
        <source>Cancelled after %1 of %2 frames; nothing was written.</source>
        <translation>已在 %2 帧中的第 %1 帧后取消；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../app/editor/video_sources.cpp" line="122"/>
        <source>Wrote %1 frames (%2, %3 × %4) to %5 at %6 frames per second.</source>
        <translation>已将 %1 帧（%2，%3 × %4）以每秒 %6 帧写入 %5。</translation>
    </message>
</context>
<context>
    <name>facet::app::Autosaver</name>
    <message>
        <location filename="../app/editor/autosave.cpp" line="28"/>
        <source>Cannot create the autosave folder %1</source>
        <translation>无法创建自动保存文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/autosave.cpp" line="56"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
</context>
<context>
    <name>facet::app::EditDocument</name>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="35"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="230"/>
        <source>No face to edit yet: open a photo, a W+ code or a random face (File menu).</source>
        <translation>还没有可编辑的人脸：请打开照片、W+ 代码或随机人脸（文件菜单）。</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="240"/>
        <source>Change attributes</source>
        <translation>更改属性</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="277"/>
        <source>%1 was embedded for another generator; choose the face again</source>
        <translation>%1 是为另一个生成器嵌入的；请重新选择该人脸</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="281"/>
        <source>the mixed layers name %1 layers; the loaded generator has %2</source>
        <translation>混合层指定了 %1 层；已加载的生成器有 %2 层</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="339"/>
        <source>Change the edited layers</source>
        <translation>更改编辑层</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="357"/>
        <source>Show in photo applies to faces from photos (File ▸ Open).</source>
        <translation>“在照片中显示”适用于来自照片的人脸（文件 ▸ 打开）。</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="458"/>
        <source>Nothing to save: open a photo, a W+ code or a random face first.</source>
        <translation>没有可保存的内容：请先打开照片、W+ 编码或随机人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="465"/>
        <source>Saved session %1</source>
        <translation>已保存会话 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="468"/>
        <source>Cannot save the session: %1</source>
        <translation>无法保存会话：%1</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="477"/>
        <source>this session holds no W+ code (the face was never embedded)</source>
        <translation>此会话没有 W+ 编码（人脸从未嵌入）</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="482"/>
        <source>its layer mask has %1 layers; the loaded generator has %2</source>
        <translation>其层掩码有 %1 层；已加载的生成器有 %2 层</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="489"/>
        <source>its %1 face&apos;s code does not fit the loaded generator</source>
        <translation>其%1人脸的编码与已加载的生成器不匹配</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="491"/>
        <source>its mixed layers name %1 layers; the loaded generator has %2</source>
        <translation>该会话的混合层指定了 %1 层；已加载的生成器有 %2 层</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="512"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="520"/>
        <location filename="../app/editor/edit_document.cpp" line="522"/>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="525"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="541"/>
        <source>%1: this is the opened file; choose another file name (Facet never overwrites the source)</source>
        <translation>%1：这是已打开的文件；请选择其他文件名（Facet 从不覆盖原文件）</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="550"/>
        <source>The full-size image is still rendering; export again in a moment.</source>
        <translation>全尺寸图像仍在渲染中，请稍后再导出。</translation>
    </message>
    <message>
        <location filename="../app/editor/edit_document.cpp" line="593"/>
        <source>Nothing to export: open a face first.</source>
        <translation>没有可导出的内容：请先打开人脸。</translation>
    </message>
</context>
<context>
    <name>facet::app::JobRunner</name>
    <message>
        <location filename="../app/editor/job_runner.cpp" line="75"/>
        <source>The operation failed without saying why.</source>
        <translation>操作失败，且未说明原因。</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelInventory</name>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="44"/>
        <source>models/manifest.json was not found in the model search path.</source>
        <translation>在模型搜索路径中未找到 models/manifest.json。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="76"/>
        <source>checking…</source>
        <translation>校验中…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="89"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="105"/>
        <source>models/fetch was not found next to the manifest.</source>
        <translation>在清单旁未找到 models/fetch。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="116"/>
        <source>models/fetch finished with exit status %1.</source>
        <translation>models/fetch 已结束，退出状态 %1。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_inventory.cpp" line="122"/>
        <source>Could not start models/fetch: %1</source>
        <translation>无法启动 models/fetch：%1</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelLoader</name>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="30"/>
        <location filename="../app/editor/model_loader.cpp" line="32"/>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="37"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="67"/>
        <source>models: face-api only (Tools ▸ Models)</source>
        <translation>模型：仅 face-api（工具 ▸ 模型）</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="67"/>
        <source>models: none (Tools ▸ Models)</source>
        <translation>模型：无（工具 ▸ 模型）</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="74"/>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="75"/>
        <source>1 transformer</source>
        <translation>1 个变换器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="75"/>
        <source>%1 transformers</source>
        <translation>%1 个变换器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="76"/>
        <source>face-api</source>
        <translation>face-api</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="77"/>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="93"/>
        <source>device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="99"/>
        <source>the StyleGAN2 generator</source>
        <translation>StyleGAN2 生成器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="100"/>
        <source>the pSp/e4e encoder</source>
        <translation>pSp/e4e 编码器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="101"/>
        <source>the attribute transformers</source>
        <translation>属性变换器</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="102"/>
        <source>face analysis (face-api)</source>
        <translation>人脸分析（face-api）</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="103"/>
        <source>Facet changes the age, smile, glasses, hair and 36 more attributes of faces in photos while keeping the person recognisable.</source>
        <translation>Facet 可以改变照片中人脸的年龄、微笑、眼镜、头发等 40 种属性，同时保持人物可辨认。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="105"/>
        <source>Open a photo (Ctrl+O) or drop one here; File ▸ Open sample photo has one to try.</source>
        <translation>打开照片（Ctrl+O）或拖放到这里；文件 ▸ 打开示例照片 可以直接试用。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="106"/>
        <source>Installed: %1.</source>
        <translation>已安装：%1。</translation>
    </message>
    <message>
        <location filename="../app/editor/model_loader.cpp" line="108"/>
        <source>Missing: %1. Tools ▸ Models says where to get them and fetches what can be fetched.</source>
        <translation>缺少：%1。工具 ▸ 模型 会说明从哪里获取，并下载可以下载的内容。</translation>
    </message>
</context>
<context>
    <name>facet::app::ModelManifest</name>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="75"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="76"/>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="77"/>
        <source>checksum OK</source>
        <translation>校验和正确</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="79"/>
        <source>checksum MISMATCH: fetch it again</source>
        <translation>校验和不匹配：请重新获取</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="81"/>
        <source>no published size or checksum</source>
        <translation>没有公开的大小或校验和</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="83"/>
        <source>WRONG SIZE: not the published file; fetch it again</source>
        <translation>大小不符：不是公开发布的文件；请重新获取</translation>
    </message>
    <message>
        <location filename="../app/editor/model_manifest.cpp" line="86"/>
        <source>size OK; no published checksum</source>
        <translation>大小正确；没有公开的校验和</translation>
    </message>
</context>
<context>
    <name>facet::app::OpenWorkflow</name>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="26"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="54"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="64"/>
        <source>Opened W+ code %1</source>
        <translation>已打开 W+ 编码 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="74"/>
        <location filename="../app/editor/open_workflow.cpp" line="76"/>
        <source>Sampling a face (seed %1)…</source>
        <translation>正在采样人脸（种子 %1）…</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="86"/>
        <source>Random face, seed %1</source>
        <translation>随机人脸，种子 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="97"/>
        <source>Opened session %1</source>
        <translation>已打开会话 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="103"/>
        <source>finding face %1 in %2…</source>
        <translation>正在 %2 中查找人脸 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="106"/>
        <source>its photo %1 is missing or has changed; editing the saved W+ code alone</source>
        <translation>其照片 %1 缺失或已更改；仅编辑保存的 W+ 代码</translation>
    </message>
    <message>
        <location filename="../app/editor/open_workflow.cpp" line="120"/>
        <source>Restored the autosaved edit.</source>
        <translation>已恢复自动保存的编辑。</translation>
    </message>
</context>
<context>
    <name>facet::app::PhotoWorkflow</name>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="109"/>
        <source>Finding faces in %1…</source>
        <translation>正在 %1 中查找人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="129"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="147"/>
        <source>Opened %1 (%2×%3)</source>
        <translation>已打开 %1（%2×%3）</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="149"/>
        <source>No face was found in %1. Facet looks for upright, roughly frontal faces at least about 40 pixels wide.</source>
        <translation>在 %1 中没有找到人脸。Facet 寻找宽度至少约 40 像素、端正且大致正面的人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="156"/>
        <source>Opened %1; this build of Facet cannot find faces in photos.</source>
        <translation>已打开 %1；此版本的 Facet 无法在照片中查找人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="174"/>
        <source>Found %1 face(s) in %2. To edit them, install a generator (Tools ▸ Models).</source>
        <translation>在 %2 中找到 %1 张人脸。要编辑它们，请安装生成器（工具 ▸ 模型）。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="180"/>
        <source>%1 faces were found. Which one do you want to edit?</source>
        <translation>找到 %1 张人脸。要编辑哪一张？</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="183"/>
        <source>No face chosen.</source>
        <translation>未选择人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="199"/>
        <source>Aligning the face…</source>
        <translation>正在对齐人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="200"/>
        <source>Aligning and embedding the face…</source>
        <translation>正在对齐并嵌入人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="201"/>
        <source>Aligning the face and refining it from the average face…</source>
        <translation>正在对齐人脸并从平均人脸开始优化…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="225"/>
        <source>Refining the face&apos;s code (Cancel keeps the best so far)…</source>
        <translation>正在精修人脸代码（取消将保留目前最佳结果）…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="230"/>
        <source>Refining the face&apos;s code: step %1 of %2, %3 dB, %4 left (Cancel keeps the best so far)…</source>
        <translation>正在精修人脸代码：第 %1 步，共 %2 步，%3 dB，剩余 %4（取消会保留目前最好的结果）…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="248"/>
        <source>refinement stopped after %1 of %2 steps (best code kept, %3 dB)</source>
        <translation>精修在 %2 步中的第 %1 步后停止（保留最佳代码，%3 dB）</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="250"/>
        <source>refined in %1 steps (%2 dB)</source>
        <translation>已精修 %1 步（%2 dB）</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="276"/>
        <source>(%1 here)</source>
        <translation>（本机约 %1）</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="277"/>
        <source>The face is aligned, but no encoder is installed to give it a code. Refine it from the average face (%1 steps%2), or install an encoder (Tools ▸ Models).</source>
        <translation>人脸已对齐，但没有安装编码器来为它生成编码。请从平均人脸开始优化（%1 步%2），或安装编码器（工具 ▸ 模型）。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="306"/>
        <source>Editing face %1 of %2</source>
        <translation>正在编辑 %2 的人脸 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="315"/>
        <source>Reading the faces in %1…</source>
        <translation>正在读取 %1 中的人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="349"/>
        <source>Finding face %1 in %2…</source>
        <translation>正在 %2 中查找第 %1 张人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="354"/>
        <source>Editing the saved W+ code alone: face %1 is no longer found in %2 (%3 face(s) now).</source>
        <translation>仅编辑已保存的 W+ 编码：在 %2 中已找不到第 %1 张人脸（现在有 %3 张）。</translation>
    </message>
    <message>
        <location filename="../app/editor/photo_workflow.cpp" line="363"/>
        <source>Editing face %1 of %2 (restored from the session)</source>
        <translation>正在编辑 %2 的人脸 %1（从会话恢复）</translation>
    </message>
</context>
<context>
    <name>facet::app::RefinementSettings</name>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="52"/>
        <source>about %1 s</source>
        <translation>约 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="54"/>
        <source>about %1 min</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <location filename="../app/editor/refinement_settings.cpp" line="55"/>
        <source>about %1 h %2 min</source>
        <translation>约 %1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>facet::app::RenderWorker</name>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="63"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="73"/>
        <source>Rendering failed: %1</source>
        <translation>渲染失败：%1</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="80"/>
        <source>Pasting the face into the photo failed: %1</source>
        <translation>将人脸贴回照片失败：%1</translation>
    </message>
</context>
<context>
    <name>facet::app::TextSliderSet</name>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="65"/>
        <source>Add the text edit &quot;%1&quot;</source>
        <translation>添加文本编辑“%1”</translation>
    </message>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="91"/>
        <source>Remove the text edit &quot;%1&quot;</source>
        <translation>移除文本编辑“%1”</translation>
    </message>
    <message>
        <location filename="../app/editor/text_slider_set.cpp" line="110"/>
        <source>Change text edits</source>
        <translation>更改文本编辑</translation>
    </message>
</context>
<context>
    <name>facet::app::TextWorkflow</name>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="22"/>
        <source>The text direction &quot;%1&quot; was made for another generator.</source>
        <translation>文本方向“%1”是为另一个生成器制作的。</translation>
    </message>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="27"/>
        <source>Added the text edit &quot;%1&quot;</source>
        <translation>已添加文本编辑“%1”</translation>
    </message>
    <message>
        <location filename="../app/editor/text_workflow.cpp" line="35"/>
        <source>Cannot load the text direction: %1</source>
        <translation>无法加载文本方向：%1</translation>
    </message>
</context>
<context>
    <name>facet::app::TuneWorkflow</name>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="55"/>
        <source>This build cannot read photos, so there is nothing to tune to.</source>
        <translation>此版本无法读取照片，因此没有可调优的对象。</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="58"/>
        <source>Open a photo and let its face get a code first: tuning matches the generator to that face.</source>
        <translation>请先打开照片并让其人脸获得代码：调优会使生成器匹配该人脸。</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="65"/>
        <source>Tuning the generator to %1…</source>
        <translation>正在将生成器调优到 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="93"/>
        <source>pixel loss alone (no LPIPS or VGG-16 model installed)</source>
        <translation>仅使用像素损失（未安装 LPIPS 或 VGG-16 模型）</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="79"/>
        <source>LPIPS %1</source>
        <translation>LPIPS %1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="80"/>
        <source>pixel error %1</source>
        <translation>像素误差 %1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="82"/>
        <source>Tuning: step %1 of %2, %3, %4 left (Cancel keeps the best so far)…</source>
        <translation>调优：第 %1 步，共 %2 步，%3，剩余 %4（取消将保留目前最佳结果）…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="90"/>
        <source>LPIPS %1 → %2</source>
        <translation>LPIPS %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="91"/>
        <source>pixel error %1 → %2</source>
        <translation>像素误差 %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="94"/>
        <source>Tuning stopped after %1 steps; the best weights so far are used (%2).</source>
        <translation>调优在 %1 步后停止；使用目前最佳的权重（%2）。</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="96"/>
        <source>The generator is tuned to this photo in %1 steps (%2).</source>
        <translation>生成器已用 %1 步调优到这张照片（%2）。</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="130"/>
        <source>Cannot save the tuning: %1</source>
        <translation>无法保存调优：%1</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="141"/>
        <source>Applying the tuning %1…</source>
        <translation>正在应用调优 %1…</translation>
    </message>
    <message>
        <location filename="../app/editor/tune_workflow.cpp" line="154"/>
        <source>The generator is tuned to this face as saved (%1).</source>
        <translation>已按保存的状态将生成器调优到这张人脸（%1）。</translation>
    </message>
</context>
<context>
    <name>facet::app::TwoFaceWorkflow</name>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="23"/>
        <source>morph</source>
        <translation>变形</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="24"/>
        <source>mix layers</source>
        <translation>混合层</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="25"/>
        <source>transfer an expression</source>
        <translation>迁移表情</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="28"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="36"/>
        <source>Choose the second face (Two faces ▸ Choose).</source>
        <translation>请选择第二张脸（两张脸 ▸ 选择）。</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="40"/>
        <source>Choose a neutral and an expressive face, best two photos of one person (Two faces ▸ Choose).</source>
        <translation>请选择一张中性脸和一张有表情的脸，最好是同一个人的两张照片（两张脸 ▸ 选择）。</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="53"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="54"/>
        <source>expressive</source>
        <translation>有表情</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="55"/>
        <source>second</source>
        <translation>第二</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="60"/>
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="77"/>
        <source>Choose the %1 face</source>
        <translation>选择%1人脸</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="79"/>
        <source>The %1 face is %2</source>
        <translation>%1人脸：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="91"/>
        <location filename="../app/editor/two_face_workflow.cpp" line="93"/>
        <source>Two faces: %1</source>
        <translation>两张脸：%1</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="102"/>
        <source>Change %1</source>
        <translation>更改%1</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="107"/>
        <source>Change the mixed layers</source>
        <translation>更改混合的层</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="116"/>
        <source>Cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="124"/>
        <source>Drawing a random face…</source>
        <translation>正在抽取随机人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="144"/>
        <source>Finding the %1 face in %2…</source>
        <translation>正在 %2 中查找%1人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="150"/>
        <source>%1 faces were found. Which one is the %2 face?</source>
        <translation>找到 %1 张人脸。哪一张是%2人脸？</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="153"/>
        <source>The %1 face was not changed.</source>
        <translation>%1人脸未更改。</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="159"/>
        <source>Embedding the %1 face from %2…</source>
        <translation>正在嵌入 %2 中的%1人脸…</translation>
    </message>
    <message>
        <location filename="../app/editor/two_face_workflow.cpp" line="172"/>
        <source>This build of Facet cannot find faces in photos; use a W+ code or a random face.</source>
        <translation>此版本的 Facet 无法在照片中查找人脸；请使用 W+ 编码或随机人脸。</translation>
    </message>
</context>
<context>
    <name>facet::ui::AttributeSliderPanel</name>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="30"/>
        <source>Filter attributes…</source>
        <translation>筛选属性…</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="50"/>
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="86"/>
        <location filename="../ui/attribute_slider_panel.cpp" line="96"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="90"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="97"/>
        <source>No trained transformer for this attribute: a linear latent direction is used.</source>
        <translation>此属性没有训练好的变换器：使用线性潜在方向。</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="115"/>
        <source>Classifier probability of this attribute in the edited face</source>
        <translation>编辑后人脸中此属性的分类器概率</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="119"/>
        <source>Reset %1</source>
        <translation>重置%1</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="78"/>
        <source>Nothing can change %1 yet: its transformer tnet_%2.pth.tar is not in the transformers folder. Get it with Tools ▸ Models or facet-fetch-models.</source>
        <translation>暂时无法改变%1：变换器 tnet_%2.pth.tar 不在变换器文件夹中。请通过 工具 ▸ 模型 或 facet-fetch-models 获取。</translation>
    </message>
</context>
<context>
    <name>facet::ui::Attributes</name>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="13"/>
        <source>Stubble</source>
        <translation>胡茬</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="14"/>
        <source>Arched eyebrows</source>
        <translation>弯眉</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="15"/>
        <source>Attractive</source>
        <translation>有魅力</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="16"/>
        <source>Bags under eyes</source>
        <translation>眼袋</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="17"/>
        <source>Bald</source>
        <translation>秃头</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="18"/>
        <source>Bangs</source>
        <translation>刘海</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="19"/>
        <source>Big lips</source>
        <translation>厚嘴唇</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="20"/>
        <source>Big nose</source>
        <translation>大鼻子</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="21"/>
        <source>Black hair</source>
        <translation>黑发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="22"/>
        <source>Blond hair</source>
        <translation>金发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="23"/>
        <source>Blurry</source>
        <translation>模糊</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="24"/>
        <source>Brown hair</source>
        <translation>棕发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="25"/>
        <source>Bushy eyebrows</source>
        <translation>浓眉</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="26"/>
        <source>Chubby</source>
        <translation>圆胖</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="27"/>
        <source>Double chin</source>
        <translation>双下巴</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="28"/>
        <source>Eyeglasses</source>
        <translation>眼镜</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="29"/>
        <source>Goatee</source>
        <translation>山羊胡</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="30"/>
        <source>Grey hair</source>
        <translation>白发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="31"/>
        <source>Heavy make-up</source>
        <translation>浓妆</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="32"/>
        <source>High cheekbones</source>
        <translation>高颧骨</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="33"/>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="34"/>
        <source>Mouth open</source>
        <translation>张嘴</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="35"/>
        <source>Moustache</source>
        <translation>小胡子</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="36"/>
        <source>Narrow eyes</source>
        <translation>细眼</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="37"/>
        <source>No beard</source>
        <translation>无胡须</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="38"/>
        <source>Oval face</source>
        <translation>鹅蛋脸</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="39"/>
        <source>Pale skin</source>
        <translation>白皙皮肤</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="40"/>
        <source>Pointy nose</source>
        <translation>尖鼻子</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="41"/>
        <source>Receding hairline</source>
        <translation>发际线后移</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="42"/>
        <source>Rosy cheeks</source>
        <translation>红润脸颊</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="43"/>
        <source>Sideburns</source>
        <translation>鬓角</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="44"/>
        <source>Smiling</source>
        <translation>微笑</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="45"/>
        <source>Straight hair</source>
        <translation>直发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="46"/>
        <source>Wavy hair</source>
        <translation>卷发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="47"/>
        <source>Earrings</source>
        <translation>耳环</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="48"/>
        <source>Hat</source>
        <translation>帽子</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="49"/>
        <source>Lipstick</source>
        <translation>口红</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="50"/>
        <source>Necklace</source>
        <translation>项链</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="51"/>
        <source>Necktie</source>
        <translation>领带</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="52"/>
        <source>Young</source>
        <translation>年轻</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="53"/>
        <source>Hair</source>
        <translation>头发</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="54"/>
        <source>Face</source>
        <translation>面部</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="55"/>
        <source>Expression</source>
        <translation>表情</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="56"/>
        <source>Accessories</source>
        <translation>配饰</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="57"/>
        <source>Age and gender</source>
        <translation>年龄和性别</translation>
    </message>
    <message>
        <location filename="../ui/attribute_catalogue.cpp" line="58"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>facet::ui::ChartsPanel</name>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>happy</source>
        <translation>高兴</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="31"/>
        <source>sad</source>
        <translation>悲伤</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>fearful</source>
        <translation>恐惧</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="32"/>
        <source>disgusted</source>
        <translation>厌恶</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="33"/>
        <source>surprised</source>
        <translation>惊讶</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="43"/>
        <source>Attribute probabilities</source>
        <translation>属性概率</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="44"/>
        <location filename="../ui/charts_panel.cpp" line="99"/>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="45"/>
        <location filename="../ui/charts_panel.cpp" line="100"/>
        <source>edited</source>
        <translation>编辑后</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="46"/>
        <location filename="../ui/charts_panel.cpp" line="75"/>
        <source>second face</source>
        <translation>第二张脸</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="72"/>
        <source>identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="98"/>
        <source>Expression (from the pixels)</source>
        <translation>表情（从像素读取）</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="135"/>
        <source>Identity: —</source>
        <translation>身份保持：—</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="141"/>
        <source>Age, gender and expression appear here once a photo or face is open.</source>
        <translation>打开照片或人脸后，年龄、性别和表情会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="142"/>
        <source>Age, gender and expression need the face-api models (Tools ▸ Models).</source>
        <translation>年龄、性别和表情需要 face-api 模型（工具 ▸ 模型）。</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="195"/>
        <source>Identity: %1 / 100</source>
        <translation>身份保持：%1 / 100</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="198"/>
        <source>second face: %1 / 100</source>
        <translation>第二张脸：%1 / 100</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="210"/>
        <source>male %1</source>
        <translation>男性 %1</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="210"/>
        <source>female %1</source>
        <translation>女性 %1</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="212"/>
        <source>Age %1 → %2 · %3 → %4</source>
        <translation>年龄 %1 → %2 · %3 → %4</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="235"/>
        <source>male (%1)</source>
        <translation>男性（%1）</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="236"/>
        <source>female (%1)</source>
        <translation>女性（%1）</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="237"/>
        <source>Face %1: about %2 years, %3, %4</source>
        <translation>人脸 %1：约 %2 岁，%3，%4</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="248"/>
        <source>faces 1 and %1: distance %2, %3</source>
        <translation>人脸 1 与 %1：距离 %2，%3</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="251"/>
        <source>likely the same person</source>
        <translation>很可能是同一个人</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="251"/>
        <source>different people</source>
        <translation>不同的人</translation>
    </message>
    <message>
        <location filename="../ui/charts_panel.cpp" line="253"/>
        <source>Identity: %1</source>
        <translation>身份：%1</translation>
    </message>
</context>
<context>
    <name>facet::ui::FileMenu</name>
    <message>
        <location filename="../ui/file_menu.cpp" line="18"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="18"/>
        <source>Facet sessions (*.facet)</source>
        <translation>Facet 会话 (*.facet)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="19"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="20"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="21"/>
        <source>Photos, W+ codes and sessions (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)</source>
        <translation>照片、W+ 编码和会话 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="25"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="29"/>
        <source>Open sam&amp;ple photo</source>
        <translation>打开示例照片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="32"/>
        <source>The sample photo astronaut.png is not installed next to Facet.</source>
        <translation>示例照片 astronaut.png 未随 Facet 安装。</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="36"/>
        <source>Open &amp;W+ code (.npy)…</source>
        <translation>打开 W+ 编码(&amp;W) (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="37"/>
        <source>Open W+ code</source>
        <translation>打开 W+ 编码</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="40"/>
        <source>Random &amp;face from the generator</source>
        <translation>从生成器随机生成人脸(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="44"/>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="45"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="48"/>
        <source>&amp;Save session…</source>
        <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="49"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="53"/>
        <source>The bundled public-domain astronaut portrait (NASA)</source>
        <translation>随附的公有领域宇航员肖像（NASA）</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="89"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="61"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="62"/>
        <source>Edited &amp;image…</source>
        <translation>编辑后的图像(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="63"/>
        <source>Export edited image</source>
        <translation>导出编辑后的图像</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="65"/>
        <source>Edited &amp;aligned face…</source>
        <translation>编辑后的对齐人脸(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="66"/>
        <source>Export the edited aligned face</source>
        <translation>导出编辑后的对齐人脸</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="68"/>
        <source>&amp;Before and after side by side…</source>
        <translation>前后并排(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="69"/>
        <source>Export side by side</source>
        <translation>并排导出</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="71"/>
        <source>Edited &amp;W+ code (.npy)…</source>
        <translation>编辑后的 W+ 编码(&amp;W) (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="72"/>
        <source>Export W+ code</source>
        <translation>导出 W+ 编码</translation>
    </message>
    <message>
        <location filename="../ui/file_menu.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>facet::ui::JobProgress</name>
    <message>
        <location filename="../ui/job_progress.cpp" line="26"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/job_progress.cpp" line="34"/>
        <source>Stopping; the best result so far is kept…</source>
        <translation>正在停止；保留目前为止最好的结果…</translation>
    </message>
</context>
<context>
    <name>facet::ui::LayerMaskPanel</name>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="25"/>
        <source>Which W+ layers the attribute edits change. Coarse layers hold pose and face shape, middle ones features, fine ones colour and texture.</source>
        <translation>属性编辑会改变哪些 W+ 层。粗略层包含姿态和脸型，中等层包含五官，精细层包含颜色和纹理。</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="46"/>
        <source>W+ layer %1</source>
        <translation>W+ 第 %1 层</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="59"/>
        <source>Default: layers 0–10 (the paper&apos;s choice)</source>
        <translation>默认：第 0–10 层（论文的选择）</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="60"/>
        <source>Coarse: layers 0–3 (pose, face shape)</source>
        <translation>粗略：第 0–3 层（姿态、脸型）</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="61"/>
        <source>Middle: layers 4–7 (features)</source>
        <translation>中等：第 4–7 层（五官）</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="62"/>
        <source>Fine: layers 8–%1 (colour, texture)</source>
        <translation>精细：第 8–%1 层（颜色、纹理）</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="63"/>
        <source>All layers 0–%1</source>
        <translation>全部层 0–%1</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="64"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="108"/>
        <source>No layer is edited: the sliders change nothing.</source>
        <translation>没有编辑任何层：滑块不会改变任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/layer_mask_panel.cpp" line="109"/>
        <source>Edits layers %1</source>
        <translation>编辑第 %1 层</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="47"/>
        <source>Edited layers</source>
        <translation>编辑的层</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="49"/>
        <source>Edited &amp;layers</source>
        <translation>编辑的层(&amp;L)</translation>
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
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="100"/>
        <source>Open a photo to begin (File ▸ Open).</source>
        <translation>打开一张照片开始（文件 ▸ 打开）。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>Reset &amp;all attributes</source>
        <translation>重置所有属性(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="117"/>
        <source>&amp;Before/after split</source>
        <translation>前后对比分割(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="122"/>
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="124"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>&amp;Tune the generator to this photo</source>
        <translation>将生成器调优到这张照片(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Fine-tune the generator so that it reproduces this photo&apos;s face (pivotal tuning): edits then keep the person better. Takes minutes on a CPU; Cancel keeps the best so far.</source>
        <translation>微调生成器，使其重现这张照片中的人脸（关键点调优）：之后的编辑能更好地保留人物特征。在 CPU 上需要几分钟；取消将保留目前最佳结果。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="171"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Facet sessions (*.facet)</source>
        <translation>Facet 会话 (*.facet)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>The edits to this face are not saved.</source>
        <translation>对这张人脸的编辑尚未保存。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="82"/>
        <source>Save them in a session, discard them, or go back to editing?</source>
        <translation>保存到会话、放弃，还是返回继续编辑？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="18"/>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="19"/>
        <source>Facet did not close normally last time. Restore the edit it was working on?</source>
        <translation>Facet 上次未正常关闭。要恢复当时正在进行的编辑吗？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Open a photo, a W+ code or a random face (File menu) to start editing.</source>
        <translation>请打开照片、W+ 代码或随机人脸（文件菜单）以开始编辑。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>Install or locate a generator (Tools ▸ Models), then open a photo to start editing.</source>
        <translation>请安装或指定生成器（工具 ▸ 模型），然后打开照片开始编辑。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="29"/>
        <source>No generator loaded: %1</source>
        <translation>未加载生成器：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="30"/>
        <location filename="../ui/main_window_workflows.cpp" line="72"/>
        <source>Models…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="38"/>
        <source>Models loaded.</source>
        <translation>模型已加载。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="48"/>
        <source>Face %1 (%2×%3 at %4, %5)</source>
        <translation>人脸 %1（%2×%3，位于 %4, %5）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="50"/>
        <source>Choose a face</source>
        <translation>选择人脸</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workflows.cpp" line="70"/>
        <source>Refine from the average face</source>
        <translation>从平均人脸开始优化</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>Show in &amp;photo</source>
        <translation>在照片中显示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="133"/>
        <source>Show the edited face pasted back into the photo</source>
        <translation>显示贴回照片中的编辑后人脸</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147"/>
        <source>Photo &amp;refinement…</source>
        <translation>照片精修(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>facet::ui::MessageBar</name>
    <message>
        <location filename="../ui/message_bar.cpp" line="31"/>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>facet::ui::ModelManagerDialog</name>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="23"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Role</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="34"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="46"/>
        <source>Verify checksums</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="48"/>
        <source>Use a models folder…</source>
        <translation>使用模型文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="50"/>
        <source>Run models/fetch</source>
        <translation>运行 models/fetch</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="52"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="71"/>
        <source>models/fetch output appears here.</source>
        <translation>models/fetch 的输出显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="109"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="109"/>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="111"/>
        <source>download by hand: %1</source>
        <translation>手动下载：%1</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="118"/>
        <source>Facet looks for models in: %1</source>
        <translation>Facet 在以下位置查找模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="121"/>
        <source>A generator is installed: attribute editing is available.</source>
        <translation>已安装生成器：可以编辑属性。</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="123"/>
        <source>No StyleGAN2 generator is installed, so faces cannot be edited yet. Facet still opens photos, finds, aligns and analyses faces. To edit, download stylegan2-ffhq-config-f.pt (or psp_ffhq_encode.pt) from the link in the table and put it in %1, or choose the folder that holds it with &quot;Use a models folder…&quot;.</source>
        <translation>未安装 StyleGAN2 生成器，因此暂时无法编辑人脸。Facet 仍可打开照片，检测、对齐和分析人脸。要编辑，请从表中的链接下载 stylegan2-ffhq-config-f.pt（或 psp_ffhq_encode.pt）并放入 %1，或通过“使用模型文件夹…”选择存放它的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/model_manager_dialog.cpp" line="133"/>
        <source>Folder that holds the models</source>
        <translation>存放模型的文件夹</translation>
    </message>
</context>
<context>
    <name>facet::ui::PreviewWidget</name>
    <message>
        <location filename="../ui/preview_widget.cpp" line="117"/>
        <source>Before</source>
        <translation>编辑前</translation>
    </message>
</context>
<context>
    <name>facet::ui::RefinementDialog</name>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="30"/>
        <source>Photo refinement</source>
        <translation>照片精修</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="33"/>
        <source>After the encoder, Facet can optimise the face&apos;s W+ code so that the generated face matches the photo more closely (Image2StyleGAN). It uses the LPIPS or VGG-16 perceptual model when installed, else the pixel loss alone. More steps fit the photo better and take longer; Cancel during the refinement keeps the best code so far.</source>
        <translation>在编码器之后，Facet 可以优化人脸的 W+ 代码，使生成的人脸更贴近照片（Image2StyleGAN）。已安装 LPIPS 或 VGG-16 感知模型时使用它们，否则只用像素损失。步数越多越贴近照片，耗时也越长；精修过程中取消会保留目前最好的代码。</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="49"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="51"/>
        <source>&amp;Steps after the encoder:</source>
        <translation>编码器之后的步数(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="69"/>
        <source>Measuring a refinement step…</source>
        <translation>正在测量一步优化的时间…</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="101"/>
        <source>Refinement is off: the encoder&apos;s code is used as it is.</source>
        <translation>精修已关闭：直接使用编码器的代码。</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="102"/>
        <source>Refinement is off. Without an encoder, an opened photo&apos;s face waits until you refine it from the average face (the message above the preview offers it).</source>
        <translation>优化已关闭。没有编码器时，打开的照片中的人脸会等待你从平均人脸开始优化（预览上方的消息会提供此选项）。</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="106"/>
        <source>%1 steps take %2 on this machine (%3 s per step, %4).</source>
        <translation>%1 步在本机上需要%2（每步 %3 秒，%4）。</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="112"/>
        <source>Measuring how long a step takes (%1)…</source>
        <translation>正在测量每一步所需时间（%1）…</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="114"/>
        <source>The time per step could not be measured: %1</source>
        <translation>无法测量每步时间：%1</translation>
    </message>
    <message>
        <location filename="../ui/refinement_dialog.cpp" line="116"/>
        <source>Load a generator (Tools ▸ Models) to see how long the refinement takes.</source>
        <translation>请加载生成器（工具 ▸ 模型）以查看精修所需时间。</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="141"/>
        <source>Photos will be refined for %1 steps after the encoder.</source>
        <translation>照片将在编码器之后精修 %1 步。</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="143"/>
        <source>Photo refinement is off.</source>
        <translation>照片精修已关闭。</translation>
    </message>
</context>
<context>
    <name>facet::ui::StatusCorner</name>
    <message>
        <location filename="../ui/status_corner.cpp" line="16"/>
        <source>models: none</source>
        <translation>模型：无</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="18"/>
        <source>device: cpu</source>
        <translation>设备：cpu</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="24"/>
        <source>preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="24"/>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="25"/>
        <source>%1 ms/%2</source>
        <translation>%1 毫秒/%2</translation>
    </message>
    <message>
        <location filename="../ui/status_corner.cpp" line="26"/>
        <source>edit %1 ms · synthesis %2 ms · scoring %3 ms</source>
        <translation>编辑 %1 ms · 合成 %2 ms · 评分 %3 ms</translation>
    </message>
</context>
<context>
    <name>facet::ui::TextEditDialog</name>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="29"/>
        <source>Add text edit</source>
        <translation>添加文本编辑</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="36"/>
        <source>e.g. a face with curly hair</source>
        <translation>例如：卷发的脸</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="37"/>
        <source>Prompt:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="40"/>
        <source>Global direction (fast slider, any face)</source>
        <translation>全局方向（快速滑块，适用于任何人脸）</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="41"/>
        <source>Optimise this face (slow, most faithful)</source>
        <translation>优化此人脸（较慢，最忠实）</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="42"/>
        <source>Load a saved direction file</source>
        <translation>加载已保存的方向文件</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="43"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="46"/>
        <source>What the prompt is compared against (global directions)</source>
        <translation>与提示相比较的基准（全局方向）</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="47"/>
        <source>Neutral text:</source>
        <translation>中性文本：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="53"/>
        <source>Disentanglement threshold β: higher changes fewer style channels</source>
        <translation>解耦阈值 β：越高，改变的风格通道越少</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="54"/>
        <source>Threshold β:</source>
        <translation>阈值 β：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="59"/>
        <source>Faces averaged per style channel when the relevance statistics are computed (StyleCLIP: 100). Fewer is much faster and rougher; each setting is cached separately.</source>
        <translation>计算相关性统计时每个风格通道平均的人脸数（StyleCLIP：100）。越少越快但越粗糙；每种设置分别缓存。</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="61"/>
        <source>Faces per channel:</source>
        <translation>每通道人脸数：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="66"/>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="70"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="73"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="78"/>
        <source>No CLIP model is installed: global directions and optimisation need ViT-B-32.pt (Tools ▸ Models). You can still load a saved direction file.</source>
        <translation>未安装 CLIP 模型：全局方向和优化需要 ViT-B-32.pt（工具 ▸ 模型）。仍可加载已保存的方向文件。</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="92"/>
        <source>Make slider</source>
        <translation>生成滑块</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="100"/>
        <source>Load text direction</source>
        <translation>加载文本方向</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="101"/>
        <source>Text directions (*.json);;Latent mappers (*.pt *.pth)</source>
        <translation>文本方向 (*.json);;潜在映射器 (*.pt *.pth)</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="150"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="166"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="178"/>
        <source>Loaded &quot;%1&quot;</source>
        <translation>已加载“%1”</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="199"/>
        <source>Computing the relevance statistics (once per generator; cached)…</source>
        <translation>正在计算相关性统计（每个生成器一次，已缓存）…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="200"/>
        <source>Optimising the face for the prompt…</source>
        <translation>正在根据提示优化人脸…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="208"/>
        <source>Making the text edit &quot;%1&quot;…</source>
        <translation>正在生成文本编辑“%1”…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="233"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="242"/>
        <source>Made &quot;%1&quot;</source>
        <translation>已生成“%1”</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="247"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/text_edit_dialog.cpp" line="247"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>facet::ui::TextSliderPanel</name>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="19"/>
        <source>global direction</source>
        <translation>全局方向</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="20"/>
        <source>optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="21"/>
        <source>mapper</source>
        <translation>映射器</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="22"/>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="27"/>
        <source>No text edits yet.</source>
        <translation>尚无文本编辑。</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="35"/>
        <source>Add text edit…</source>
        <translation>添加文本编辑…</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="37"/>
        <source>Edit the face with a text prompt (StyleCLIP): global direction, optimisation, or a saved direction file</source>
        <translation>用文本提示编辑人脸（StyleCLIP）：全局方向、优化或已保存的方向文件</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="79"/>
        <source>%1 (neutral: %2)</source>
        <translation>%1（中性：%2）</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="99"/>
        <source>Reset %1</source>
        <translation>重置%1</translation>
    </message>
    <message>
        <location filename="../ui/text_slider_panel.cpp" line="104"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="32"/>
        <source>Text edits</source>
        <translation>文本编辑</translation>
    </message>
</context>
<context>
    <name>facet::ui::TimelinePanel</name>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="73"/>
        <source>● Record</source>
        <translation>● 录制</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="75"/>
        <source>Record every slider change as a keyframe</source>
        <translation>将每次滑块变化记录为关键帧</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="78"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="81"/>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="86"/>
        <source>Smooth (Catmull-Rom)</source>
        <translation>平滑（Catmull-Rom）</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="87"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="88"/>
        <source>Render video…</source>
        <translation>渲染视频…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="90"/>
        <source>Edit a video…</source>
        <translation>编辑视频…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="97"/>
        <source>Interpolation:</source>
        <translation>插值：</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="117"/>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="117"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="132"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="133"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="144"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="147"/>
        <source>Delete keyframe</source>
        <translation>删除关键帧</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="231"/>
        <source>two faces %1</source>
        <translation>双人脸 %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="232"/>
        <source>(no edit)</source>
        <translation>（无编辑）</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="258"/>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="299"/>
        <source>Render video</source>
        <translation>渲染视频</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="299"/>
        <source>Record a timeline first (● Record, then move sliders).</source>
        <translation>请先录制时间轴（● 录制，然后移动滑块）。</translation>
    </message>
    <message>
        <location filename="../ui/timeline_panel.cpp" line="314"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
</context>
<context>
    <name>facet::ui::TimelineRenderDialog</name>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="28"/>
        <source>Render timeline to video</source>
        <translation>将时间轴渲染为视频</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="38"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="39"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="43"/>
        <source>Aligned crop %1 × %1</source>
        <translation>对齐人脸 %1 × %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="47"/>
        <source>Pasted into the photo %1 × %2</source>
        <translation>贴回照片 %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="49"/>
        <source>Pasted into the photo (open a photo and embed its face first)</source>
        <translation>贴回照片（请先打开照片并嵌入人脸）</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="52"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="55"/>
        <source>MP4, best available (H.264, else MPEG-4, else MJPEG AVI)</source>
        <translation>MP4，最佳可用（H.264，否则 MPEG-4，否则 MJPEG AVI）</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="56"/>
        <source>MP4, H.264</source>
        <translation>MP4，H.264</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="57"/>
        <source>MP4, MPEG-4 Part 2</source>
        <translation>MP4，MPEG-4 Part 2</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="58"/>
        <source>AVI, MJPEG</source>
        <translation>AVI，MJPEG</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="59"/>
        <source>Container / codec</source>
        <translation>容器 / 编解码器</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="63"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="66"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="80"/>
        <source>Render</source>
        <translation>渲染</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="82"/>
        <location filename="../ui/timeline_render_dialog.cpp" line="171"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="141"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="87"/>
        <source>No face model is loaded: open and embed a photo first (the render uses the editor&apos;s generator and transformers).</source>
        <translation>未加载人脸模型：请先打开并嵌入照片（渲染使用编辑器的生成器和变换器）。</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="91"/>
        <source>%1 keyframes, %2 s: %3 frames at this rate.</source>
        <translation>%1 个关键帧，%2 秒：按此帧率共 %3 帧。</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="99"/>
        <source>Save video</source>
        <translation>保存视频</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="100"/>
        <source>Videos (*.mp4 *.avi)</source>
        <translation>视频 (*.mp4 *.avi)</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="107"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="148"/>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="151"/>
        <source>Rendering the timeline to %1…</source>
        <translation>正在把时间线渲染到 %1…</translation>
    </message>
    <message>
        <location filename="../ui/timeline_render_dialog.cpp" line="164"/>
        <source>Frame %1 of %2…</source>
        <translation>第 %1 帧，共 %2 帧…</translation>
    </message>
</context>
<context>
    <name>facet::ui::TwoFacesPanel</name>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="30"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="31"/>
        <source>Morph into a second face</source>
        <translation>变形为第二张脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="32"/>
        <source>Mix layers of a second face</source>
        <translation>混合第二张脸的层</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="33"/>
        <source>Transfer an expression</source>
        <translation>迁移表情</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="34"/>
        <source>Done before the attribute and text sliders: they then edit the morphed, mixed or re-expressed face.</source>
        <translation>在属性和文本滑块之前执行：滑块随后编辑变形、混合或改变表情后的人脸。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="42"/>
        <source>Second face</source>
        <translation>第二张脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="42"/>
        <source>The face to morph into or take layers from</source>
        <translation>要变形成的人脸，或从中取层的人脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="43"/>
        <source>Neutral face</source>
        <translation>中性脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="44"/>
        <source>A face without the expression (best the same person as the expressive face)</source>
        <translation>没有该表情的人脸（最好与有表情的脸是同一个人）</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="45"/>
        <source>Expressive face</source>
        <translation>有表情的脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="45"/>
        <source>The same face with the expression</source>
        <translation>带有该表情的同一张脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="60"/>
        <source>The layers taken from the second face: coarse ones hold pose and face shape, middle ones features, fine ones colour and texture.</source>
        <translation>从第二张脸取用的层：粗层包含姿态和脸型，中层包含五官，细层包含颜色和纹理。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="96"/>
        <location filename="../ui/two_faces_panel.cpp" line="185"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="102"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="107"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="108"/>
        <source>W+ code (.npy)…</source>
        <translation>W+ 编码 (.npy)…</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="109"/>
        <source>Random face</source>
        <translation>随机人脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="110"/>
        <source>Recent faces</source>
        <translation>最近的人脸</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="138"/>
        <source>Morph, mix or move the expression of the edited face with other faces: pick an operation.</source>
        <translation>用其他人脸对正在编辑的人脸进行变形、混合或迁移表情：请选择一种操作。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="141"/>
        <source>w = λ·this face + (1 − λ)·second face, in W+ as Image2StyleGAN morphs photos.</source>
        <translation>w = λ·此脸 + (1 − λ)·第二张脸，与 Image2StyleGAN 一样在 W+ 中变形。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="144"/>
        <source>The ticked layers come from the second face: coarse (0–3) pose and face shape, middle (4–7) features, fine (8+) colour and texture.</source>
        <translation>勾选的层取自第二张脸：粗层（0–3）姿态和脸型，中层（4–7）五官，细层（8+）颜色和纹理。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="148"/>
        <source>w = this face + λ·(expressive − neutral): the change between two faces of one person, added to this one.</source>
        <translation>w = 此脸 + λ·（有表情 − 中性）：同一个人两张脸之间的变化，加到此脸上。</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="159"/>
        <source>λ = %1 (1: this face, 0: the second face)</source>
        <translation>λ = %1（1：此脸，0：第二张脸）</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="162"/>
        <source>Strength %1 (1 takes the layers whole)</source>
        <translation>强度 %1（1 表示完整取用这些层）</translation>
    </message>
    <message>
        <location filename="../ui/two_faces_panel.cpp" line="165"/>
        <source>λ = %1 (0: no change, 1: the whole expression)</source>
        <translation>λ = %1（0：不变，1：完整表情）</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="64"/>
        <source>Two faces</source>
        <translation>两张脸</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="66"/>
        <source>&amp;Two faces</source>
        <translation>两张脸(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="80"/>
        <source>Photo of the %1 face</source>
        <translation>%1人脸的照片</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="85"/>
        <source>W+ code of the %1 face</source>
        <translation>%1人脸的 W+ 编码</translation>
    </message>
    <message>
        <location filename="../ui/editor_docks.cpp" line="86"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
</context>
<context>
    <name>facet::ui::VideoEditDialog</name>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="33"/>
        <source>Edit a video</source>
        <translation>编辑视频</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="41"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="43"/>
        <source>Videos (*.mp4 *.mov *.avi *.mkv *.webm)</source>
        <translation>视频 (*.mp4 *.mov *.avi *.mkv *.webm)</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="44"/>
        <source>Save edited video</source>
        <translation>保存编辑后的视频</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="45"/>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="52"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="53"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="56"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="56"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="61"/>
        <source>Add edit</source>
        <translation>添加编辑</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="62"/>
        <source>Remove edit</source>
        <translation>移除编辑</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="69"/>
        <source>Edits (applied in order; layers ≥ 11 kept)</source>
        <translation>编辑（按顺序应用；保留第 11 层及以上）</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="72"/>
        <source>Feathered landmark mask</source>
        <translation>羽化的特征点蒙版</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="73"/>
        <source>Seamless cloning</source>
        <translation>无缝克隆</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="74"/>
        <source>Blending</source>
        <translation>融合</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="82"/>
        <source>end</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="83"/>
        <source>from frame</source>
        <translation>起始帧</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="85"/>
        <source>to (excluded)</source>
        <translation>结束（不含）</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="88"/>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="94"/>
        <source>off (encoder only)</source>
        <translation>关闭（仅编码器）</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="95"/>
        <source> steps per frame</source>
        <translation> 步/帧</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="96"/>
        <source>start each frame from the previous one</source>
        <translation>每帧从上一帧的结果开始</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="103"/>
        <source>Optimise each frame</source>
        <translation>逐帧优化</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="105"/>
        <source>Keep the audio (needs ffmpeg)</source>
        <translation>保留音频（需要 ffmpeg）</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="108"/>
        <source>Resume an interrupted edit to this file (keeps its finished frames)</source>
        <translation>继续此文件中断的编辑（保留已完成的帧）</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="115"/>
        <source>Choose a video and the edits.</source>
        <translation>请选择视频和编辑。</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="122"/>
        <source>Edit video</source>
        <translation>编辑视频</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="124"/>
        <location filename="../ui/video_edit_dialog.cpp" line="235"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="217"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="146"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="152"/>
        <source>Video editing needs face detection and alignment and an encoder, which this build does not provide yet (use facet-cli edit-video when it does).</source>
        <translation>视频编辑需要人脸检测、对齐和编码器，此版本尚未提供（提供后请使用 facet-cli edit-video）。</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="204"/>
        <source>Add at least one edit.</source>
        <translation>请至少添加一个编辑。</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="218"/>
        <source>Loading the models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/video_edit_dialog.cpp" line="221"/>
        <source>Editing %1…</source>
        <translation>正在编辑 %1…</translation>
    </message>
</context>
</TS>
