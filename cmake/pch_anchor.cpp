// Anchor for the shared precompiled header target (facet_pch); intentionally empty.
