<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>facet::app::RenderWorker</name>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="62" />
        <source>No generator is loaded. Open Tools ▸ Models to install or locate one.</source>
        <translation>未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。</translation>
    </message>
    <message>
        <location filename="../app/editor/render_worker.cpp" line="72" />
        <source>Rendering failed: %1</source>
        <translation>渲染失败：%1</translation>
    </message>
</context>
<context>
    <name>facet::ui::AttributeSliderPanel</name>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="30" />
        <source>Filter attributes…</source>
        <translation>筛选属性…</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="45" />
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="79" />
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="81" />
        <source>No trained transformer for this attribute: a linear latent direction is used.</source>
        <translation>此属性没有训练好的变换器：使用线性潜在方向。</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="98" />
        <source>Classifier probability of this attribute in the edited face</source>
        <translation>编辑后人脸中此属性的分类器概率</translation>
    </message>
    <message>
        <location filename="../ui/attribute_slider_panel.cpp" line="102" />
        <source>Reset %1</source>
        <translation>重置%1</translation>
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
        <translation>打开一张照片开始（文件 ▸ 打开）。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="38" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="39" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="42" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="45" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="46" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="49" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53" />
        <source>Reset &amp;all attributes</source>
        <translation>重置所有属性(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="57" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="68" />
        <source>The language changes when Facet restarts.</source>
        <translation>重新启动 Facet 后语言生效。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="72" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="73" />
        <source>&amp;About Facet</source>
        <translation>关于 Facet(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77" />
        <source>No photo open</source>
        <translation>未打开照片</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="83" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="97" />
        <source>device: cpu</source>
        <translation>设备：cpu</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="102" />
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103" />
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112" />
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118" />
        <source>Opened %1 (%2×%3)</source>
        <translation>已打开 %1（%2×%3）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135" />
        <source>Change attributes</source>
        <translation>更改属性</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155" />
        <source>preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155" />
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156" />
        <source>%1 ms/%2</source>
        <translation>%1 毫秒/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="167" />
        <source>About Facet</source>
        <translation>关于 Facet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="168" />
        <source>Facet %1
Edit the attributes of faces in photos and videos with StyleGAN2 and the Latent Transformer.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>