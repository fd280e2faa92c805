# policy.text_models_are_current: retrains the base pack's text models into a scratch folder
# with scripts/train-models and requires them to equal the committed ones byte for byte, so a
# model always matches the training data, the normalisation and the lexicons it is read with.
# Variables: SOURCE_DIR, TRAINER, OUT.
file(REMOVE_RECURSE "${OUT}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env BG_TRAINER=${TRAINER} BG_MODEL_DIR=${OUT} BG_MODEL_FOLDS=0
    bash "${SOURCE_DIR}/scripts/train-models"
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "scripts/train-models failed (${code}):\n${out}${err}")
endif()
# The models are what scripts/train-models writes: the same files must be committed, no more
# (a stale model nothing trains) and no fewer.
file(GLOB retrained RELATIVE "${OUT}" "${OUT}/*.model")
file(GLOB committed_models RELATIVE "${SOURCE_DIR}/policies/base/models"
  "${SOURCE_DIR}/policies/base/models/*.model")
list(SORT retrained)
list(SORT committed_models)
if(NOT retrained OR NOT retrained STREQUAL committed_models)
  message(FATAL_ERROR "scripts/train-models writes [${retrained}] but policies/base/models holds "
    "[${committed_models}]")
endif()
foreach(model IN LISTS retrained)
  set(committed "${SOURCE_DIR}/policies/base/models/${model}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/${model}" "${committed}"
    RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    message(FATAL_ERROR "policies/base/models/${model} is not what its training data gives "
      "today; run scripts/train-models and commit the result")
  endif()
endforeach()
