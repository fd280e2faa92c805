# Runs TOOL with the arguments TOOL_ARGS (a list) and requires its exit code to be EXIT and its
# standard output and error together to match the regular expression EXPECT. Unlike CTest's
# PASS_REGULAR_EXPRESSION, the exit code counts: a tool that printed a refusal and then went on
# anyway fails.
execute_process(
  COMMAND "${TOOL}" ${TOOL_ARGS}
  RESULT_VARIABLE code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXIT}")
  message(FATAL_ERROR "expected exit ${EXIT}, got ${code}:\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
  message(FATAL_ERROR "output does not match \"${EXPECT}\":\n${out}${err}")
endif()
