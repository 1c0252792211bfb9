"""Korean and Simplified Chinese for the editor room's session-12 strings (layer control, show in photo, photo
refinement, sample photo, session photo restore). fill_translations.py merges this table: source → (ko, zh_CN)."""

EDITOR2 = {
    "After the encoder, optimise the face's W+ code for this many steps (0: off). It needs the VGG-16 "
    "perceptual model; more steps fit the photo better and take longer.":
        ("인코더 다음에 얼굴의 W+ 코드를 이 단계 수만큼 최적화합니다 (0: 끔). VGG-16 지각 모델이 필요하며, 단계가 많을수록 "
         "사진에 더 잘 맞지만 오래 걸립니다.",
         "在编码器之后，将人脸的 W+ 代码优化这么多步（0：关闭）。需要 VGG-16 感知模型；步数越多越贴合照片，耗时也越长。"),
    "Aligning and embedding the face…": ("얼굴을 정렬하고 임베딩하는 중…", "正在对齐并嵌入人脸…"),
    "Aligning the face…": ("얼굴을 정렬하는 중…", "正在对齐人脸…"),
    "All layers 0–%1": ("모든 레이어 0–%1", "全部层 0–%1"),
    "Coarse: layers 0–3 (pose, face shape)": ("거친: 레이어 0–3 (자세, 얼굴형)", "粗略：第 0–3 层（姿态、脸型）"),
    "Custom": ("사용자 지정", "自定义"),
    "Default: layers 0–10 (the paper's choice)": ("기본: 레이어 0–10 (논문의 선택)", "默认：第 0–10 层（论文的选择）"),
    "Edited &layers": ("편집 레이어(&L)", "编辑的层(&L)"),
    "Edited layers": ("편집 레이어", "编辑的层"),
    "Editing face %1 of %2 (restored from the session)": ("%2의 얼굴 %1 편집 중 (세션에서 복원)", "正在编辑 %2 的人脸 %1（从会话恢复）"),
    "Editing the saved W+ code alone: %1": ("저장된 W+ 코드만 편집합니다: %1", "仅编辑保存的 W+ 代码：%1"),
    "Edits layers %1": ("레이어 %1 편집", "编辑第 %1 层"),
    "Fine: layers 8–%1 (colour, texture)": ("세밀: 레이어 8–%1 (색, 질감)", "精细：第 8–%1 层（颜色、纹理）"),
    "Middle: layers 4–7 (features)": ("중간: 레이어 4–7 (이목구비)", "中等：第 4–7 层（五官）"),
    "No layer is edited: the sliders change nothing.": ("편집되는 레이어가 없습니다: 슬라이더가 아무것도 바꾸지 않습니다.",
                                                        "没有编辑任何层：滑块不会改变任何内容。"),
    "Open sam&ple photo": ("예제 사진 열기(&P)", "打开示例照片(&P)"),
    "Photo &refinement…": ("사진 정제(&R)…", "照片精修(&R)…"),
    "Photo refinement is off.": ("사진 정제가 꺼져 있습니다.", "照片精修已关闭。"),
    "Photo refinement": ("사진 정제", "照片精修"),
    "Photos will be refined for %1 steps after the encoder.": ("사진은 인코더 다음에 %1단계 정제됩니다.", "照片将在编码器之后精修 %1 步。"),
    "Refining the face's code (Cancel keeps the best so far)…": ("얼굴 코드를 정제하는 중 (취소하면 지금까지의 최선을 유지)…",
                                                                 "正在精修人脸代码（取消将保留目前最佳结果）…"),
    "Refining the face's code: step %1 of %2, %3 dB (Cancel keeps the best so far)…":
        ("얼굴 코드 정제 중: %2단계 중 %1, %3 dB (취소하면 지금까지의 최선을 유지)…",
         "正在精修人脸代码：第 %1 步，共 %2 步，%3 dB（取消将保留目前最佳结果）…"),
    "Show in &photo": ("사진에 표시(&P)", "在照片中显示(&P)"),
    "Show in photo applies to faces from photos (File ▸ Open).": ("사진에 표시는 사진의 얼굴에 적용됩니다 (파일 ▸ 열기).",
                                                                  "“在照片中显示”适用于来自照片的人脸（文件 ▸ 打开）。"),
    "Show the edited face pasted back into the photo": ("편집된 얼굴을 사진에 다시 붙여 표시", "显示贴回照片中的编辑后人脸"),
    "Stopping the refinement; the best code so far is kept…": ("정제를 멈추는 중; 지금까지의 최선 코드를 유지합니다…",
                                                               "正在停止精修；保留目前最佳的代码…"),
    "The bundled public-domain astronaut portrait (NASA)": ("함께 제공되는 퍼블릭 도메인 우주비행사 초상 (NASA)", "随附的公有领域宇航员肖像（NASA）"),
    "The sample photo astronaut.png is not installed next to Facet.": ("예제 사진 astronaut.png가 Facet과 함께 설치되지 않았습니다.",
                                                                       "示例照片 astronaut.png 未随 Facet 安装。"),
    "W+ layer %1": ("W+ 레이어 %1", "W+ 第 %1 层"),
    "Which W+ layers the attribute edits change. Coarse layers hold pose and face shape, middle ones features, fine "
    "ones colour and texture.":
        ("속성 편집이 바꾸는 W+ 레이어. 거친 레이어는 자세와 얼굴형, 중간 레이어는 이목구비, 세밀한 레이어는 색과 질감을 담습니다.",
         "属性编辑会改变哪些 W+ 层。粗略层包含姿态和脸型，中等层包含五官，精细层包含颜色和纹理。"),
    "face %1 is no longer found in %2 (%3 face(s) now)": ("%2에서 얼굴 %1을(를) 더 이상 찾을 수 없습니다 (현재 얼굴 %3개)",
                                                          "在 %2 中已找不到人脸 %1（现在有 %3 张人脸）"),
    "finding face %1 in %2…": ("%2에서 얼굴 %1을(를) 찾는 중…", "正在 %2 中查找人脸 %1…"),
    "its layer mask has %1 layers; the loaded generator has %2": ("레이어 마스크는 %1개 레이어이고 로드된 생성기는 %2개입니다",
                                                                 "其层掩码有 %1 层；已加载的生成器有 %2 层"),
    "its photo %1 is missing or has changed; editing the saved W+ code alone":
        ("사진 %1이(가) 없거나 바뀌었습니다; 저장된 W+ 코드만 편집합니다", "其照片 %1 缺失或已更改；仅编辑保存的 W+ 代码"),
    "refined in %1 steps (%2 dB)": ("%1단계로 정제됨 (%2 dB)", "已精修 %1 步（%2 dB）"),
    "refinement stopped after %1 of %2 steps (best code kept, %3 dB)": ("%2단계 중 %1단계 후 정제 중지 (최선 코드 유지, %3 dB)",
                                                                         "精修在 %2 步中的第 %1 步后停止（保留最佳代码，%3 dB）"),
}
