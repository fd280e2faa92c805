# Warnings for our own targets only (not for dependencies' headers, which come in as SYSTEM).
function(bg_set_warnings target)
  target_compile_options(${target} PRIVATE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
      -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
      -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough>
    # GCC's -Wnull-dereference works on the optimised code: at -O2 it reports paths inside
    # libstdc++ and nlohmann::json that cannot happen. Clang's is precise; keep it there.
    $<$<AND:$<COMPILE_LANGUAGE:CXX>,$<CXX_COMPILER_ID:Clang>>:-Wnull-dereference>
    $<$<AND:$<COMPILE_LANGUAGE:CXX>,$<CXX_COMPILER_ID:GNU>,$<CONFIG:Debug>>:-Wnull-dereference>
    $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes>)
  if(BG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
