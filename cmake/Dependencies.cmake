# Every dependency is a Debian 12 package (scripts/setup installs them); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(Poco REQUIRED COMPONENTS Foundation)
find_package(spdlog REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(date REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)

if(BG_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(BG_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
