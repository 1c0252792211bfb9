// Anchor for the executables' shared precompiled header (facet_pch_exe).
int main() { return 0; }
