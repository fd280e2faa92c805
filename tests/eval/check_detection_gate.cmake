# detection.heldout_f1: runs `boundaryctl eval CORPUS --min-f1 MIN_F1 --format json` and
# requires exit 0, no category with support below MIN_F1, and no client-side event held or
# blocked. Variables: BOUNDARYCTL, PLUGIN, CORPUS, MIN_F1.
execute_process(
  COMMAND "${BOUNDARYCTL}" eval "${CORPUS}" --min-f1 "${MIN_F1}" --format json
    --misclassified 0 --plugin "${PLUGIN}"
  OUTPUT_VARIABLE report
  ERROR_VARIABLE errors
  RESULT_VARIABLE code)

string(JSON held ERROR_VARIABLE json_error GET "${report}" client_side held_or_blocked)
if(json_error)
  message(FATAL_ERROR "boundaryctl eval exited ${code} without a JSON report:\n${errors}")
endif()
string(JSON below GET "${report}" min_f1 below)
string(JSON micro_f1 GET "${report}" micro f1)
string(JSON macro_f1 GET "${report}" macro f1)
message(STATUS "micro F1 ${micro_f1}, macro F1 ${macro_f1}; below ${MIN_F1}: ${below}")

if(NOT held EQUAL 0)
  message(FATAL_ERROR "${held} client-side event(s) were held or blocked (must be 0)")
endif()
if(NOT below STREQUAL "[]")
  message(FATAL_ERROR "F1 below ${MIN_F1} for: ${below}")
endif()
if(NOT code EQUAL 0)
  message(FATAL_ERROR "boundaryctl eval exited ${code}:\n${errors}")
endif()
