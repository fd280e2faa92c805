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
foreach(model personal-content.model romantic-sexual.model gift-money.model
    non-therapeutic-request.model social-media.model)
  set(committed "${SOURCE_DIR}/policies/base/models/${model}")
  if(NOT EXISTS "${committed}" OR NOT EXISTS "${OUT}/${model}")
    message(FATAL_ERROR "policies/base/models/${model} or its retrained copy is missing")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/${model}" "${committed}"
    RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    message(FATAL_ERROR "policies/base/models/${model} is not what its training data gives "
      "today; run scripts/train-models and commit the result")
  endif()
endforeach()
