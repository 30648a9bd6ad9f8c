# One static library per folder of src/ (a layer), linked as src/layers.txt says. A layer's headers are
# included as "<layer>/x.hpp" through ${CMAKE_BINARY_DIR}/layers/<layer>/, a folder that holds nothing but
# a link named <layer> to src/<layer>; that folder is the library's only PUBLIC include directory. So a
# target can include exactly the folders of the layers it links (directly or through them), and an
# include the rule does not allow fails to compile: "fatal error: report/x.hpp: No such file or directory".

set(SPBE_LAYER_TABLE "${PROJECT_SOURCE_DIR}/src/layers.txt")
set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${SPBE_LAYER_TABLE}")

# The layers `layer` uses directly (the lines "<layer> <used>" of src/layers.txt).
function(spbe_layer_uses layer out_var)
  file(STRINGS "${SPBE_LAYER_TABLE}" lines REGEX "^[a-z]")
  set(uses "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^([a-z_]+)[ \t]+([a-z_]+)[ \t]*$")
      if(CMAKE_MATCH_1 STREQUAL layer)
        list(APPEND uses "${CMAKE_MATCH_2}")
      endif()
    else()
      message(FATAL_ERROR "${SPBE_LAYER_TABLE}: not \"<layer> <layer it uses>\": ${line}")
    endif()
  endforeach()
  set(${out_var} "${uses}" PARENT_SCOPE)
endfunction()

# spbe_layer(<layer> [EXCLUDE file.cpp...]): the library spbe_<layer> of every src/<layer>/*.cpp (a file
# added to the folder is picked up at the next build), minus EXCLUDE. Called from src/<layer>/CMakeLists.txt.
function(spbe_layer layer)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "EXCLUDE")
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  foreach(file IN LISTS arg_EXCLUDE)
    list(REMOVE_ITEM sources "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
  endforeach()
  set(include_dir "${CMAKE_BINARY_DIR}/layers/${layer}")
  file(MAKE_DIRECTORY "${include_dir}")
  if(NOT IS_SYMLINK "${include_dir}/${layer}")
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}" "${include_dir}/${layer}" SYMBOLIC)
  endif()
  add_library(spbe_${layer} STATIC ${sources})
  target_include_directories(spbe_${layer} PUBLIC "${include_dir}")
  spbe_layer_uses(${layer} uses)
  foreach(used IN LISTS uses)
    target_link_libraries(spbe_${layer} PUBLIC spbe_${used})
  endforeach()
  target_link_libraries(spbe_${layer} PRIVATE spbe_warnings)
  set_property(GLOBAL APPEND PROPERTY SPBE_LAYER_TARGETS spbe_${layer})
endfunction()
