#!/usr/bin/env python3
"""Fills the <translation> elements of translations/facet_{ko,zh_CN}.ts from the tables below.
Run after `lupdate -I . ui app/editor app/gui -ts translations/facet_ko.ts translations/facet_zh_CN.ts`;
strings not in a table stay unfinished (Qt then shows the English source)."""
import sys
import xml.etree.ElementTree as ET

TABLES = {
    "ko": {
        "Filter attributes…": "속성 필터…",
        "Reset all": "모두 초기화",
        "linear": "선형",
        "No trained transformer for this attribute: a linear latent direction is used.":
            "이 속성에는 학습된 변환기가 없어 선형 잠재 방향을 사용합니다.",
        "Classifier probability of this attribute in the edited face": "편집된 얼굴에서 이 속성의 분류기 확률",
        "Reset %1": "%1 초기화",
        "Facet": "Facet",
        "Open a photo to begin (File ▸ Open).": "사진을 열어 시작하세요 (파일 ▸ 열기).",
        "&File": "파일(&F)",
        "&Open…": "열기(&O)…",
        "&Quit": "종료(&Q)",
        "&Edit": "편집(&E)",
        "&Undo": "실행 취소(&U)",
        "&Redo": "다시 실행(&R)",
        "Reset &all attributes": "모든 속성 초기화(&A)",
        "&View": "보기(&V)",
        "&Tools": "도구(&T)",
        "&Help": "도움말(&H)",
        "&About Facet": "Facet 정보(&A)",
        "No photo open": "열린 사진 없음",
        "Attributes": "속성",
        "device: cpu": "장치: cpu",
        "Open photo": "사진 열기",
        "Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)": "이미지 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)",
        "Cannot open %1: %2": "%1을(를) 열 수 없습니다: %2",
        "Opened %1 (%2×%3)": "%1 열림 (%2×%3)",
        "Change attributes": "속성 변경",
        "preview": "미리보기",
        "full": "전체",
        "%1 ms/%2": "%1 ms/%2",
        "About Facet": "Facet 정보",
        "No generator is loaded. Open Tools ▸ Models to install or locate one.":
            "생성기가 로드되지 않았습니다. 도구 ▸ 모델에서 설치하거나 위치를 지정하세요.",
        "Rendering failed: %1": "렌더링 실패: %1",
        "&Language": "언어(&L)",
        "The language changes when Facet restarts.": "언어는 Facet을 다시 시작하면 바뀝니다.",
    },
    "zh_CN": {
        "Filter attributes…": "筛选属性…",
        "Reset all": "全部重置",
        "linear": "线性",
        "No trained transformer for this attribute: a linear latent direction is used.":
            "此属性没有训练好的变换器：使用线性潜在方向。",
        "Classifier probability of this attribute in the edited face": "编辑后人脸中此属性的分类器概率",
        "Reset %1": "重置%1",
        "Facet": "Facet",
        "Open a photo to begin (File ▸ Open).": "打开一张照片开始（文件 ▸ 打开）。",
        "&File": "文件(&F)",
        "&Open…": "打开(&O)…",
        "&Quit": "退出(&Q)",
        "&Edit": "编辑(&E)",
        "&Undo": "撤销(&U)",
        "&Redo": "重做(&R)",
        "Reset &all attributes": "重置所有属性(&A)",
        "&View": "视图(&V)",
        "&Tools": "工具(&T)",
        "&Help": "帮助(&H)",
        "&About Facet": "关于 Facet(&A)",
        "No photo open": "未打开照片",
        "Attributes": "属性",
        "device: cpu": "设备：cpu",
        "Open photo": "打开照片",
        "Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)": "图像 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)",
        "Cannot open %1: %2": "无法打开 %1：%2",
        "Opened %1 (%2×%3)": "已打开 %1（%2×%3）",
        "Change attributes": "更改属性",
        "preview": "预览",
        "full": "完整",
        "%1 ms/%2": "%1 毫秒/%2",
        "About Facet": "关于 Facet",
        "No generator is loaded. Open Tools ▸ Models to install or locate one.":
            "未加载生成器。请在 工具 ▸ 模型 中安装或指定其位置。",
        "Rendering failed: %1": "渲染失败：%1",
        "&Language": "语言(&L)",
        "The language changes when Facet restarts.": "重新启动 Facet 后语言生效。",
    },
}

for path in sys.argv[1:]:
    lang = "zh_CN" if path.endswith("zh_CN.ts") else "ko"
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source")
        text = TABLES[lang].get(source)
        translation = message.find("translation")
        if text is not None:
            translation.text = text
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
