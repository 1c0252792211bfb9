#pragma once
// Widget tests reach the editor through its document and workflows (app::Editor), as the window does.
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/render_controller.h"
#include "app/editor/text_workflow.h"
#include "app/editor/two_face_workflow.h"
