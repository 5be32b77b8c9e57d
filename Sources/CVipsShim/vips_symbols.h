#ifndef CLINICSITE_VIPS_SYMBOLS_H
#define CLINICSITE_VIPS_SYMBOLS_H
/*
 * Every function of libvips, GLib, GObject, libwebp and libwebpmux the shim calls, resolved
 * with dlsym from the libvips it opens with dlopen (its dependencies included). The shim
 * calls nothing of these libraries by name, so the program needs none of them to start.
 * scripts/package also reads this list: the .deb's Depends on these libraries come from a
 * stub that references exactly these functions, given to dpkg-shlibdeps.
 */
#define CLINIC_VIPS_SYMBOLS(X) \
    X(vips_init) \
    X(vips_version) \
    X(vips_version_string) \
    X(vips_concurrency_set) \
    X(vips_concurrency_get) \
    X(vips_vector_set_enabled) \
    X(vips_vector_isenabled) \
    X(vips_cache_set_max) \
    X(vips_cache_set_max_mem) \
    X(vips_cache_set_max_files) \
    X(vips_block_untrusted_set) \
    X(vips_operation_block_set) \
    X(vips_operation_get_type) \
    X(vips_foreign_find_load_buffer) \
    X(vips_image_new_from_buffer) \
    X(vips_image_get_width) \
    X(vips_image_get_height) \
    X(vips_image_get_page_height) \
    X(vips_image_get_orientation) \
    X(vips_image_hasalpha) \
    X(vips_image_guess_interpretation) \
    X(vips_image_get_fields) \
    X(vips_image_remove) \
    X(vips_image_copy_memory) \
    X(vips_nickname_find) \
    X(vips_error) \
    X(vips_error_buffer_copy) \
    X(vips_thumbnail_buffer) \
    X(vips_thumbnail_image) \
    X(vips_copy) \
    X(vips_colourspace) \
    X(vips_cast_uchar) \
    X(vips_flatten) \
    X(vips_array_double_new) \
    X(vips_area_unref) \
    X(vips_jpegsave_buffer) \
    X(vips_webpsave_buffer) \
    X(vips_pngsave_buffer) \
    X(g_log_set_handler) \
    X(g_type_from_name) \
    X(g_type_class_peek) \
    X(g_type_check_class_cast) \
    X(g_object_unref) \
    X(g_strlcpy) \
    X(g_strfreev) \
    X(g_free) \
    X(g_memdup2) \
    X(WebPMuxCreateInternal) \
    X(WebPMuxDeleteChunk) \
    X(WebPMuxAssemble) \
    X(WebPMuxDelete) \
    X(WebPFree)

#endif
