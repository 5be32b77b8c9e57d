#include "CVipsShim.h"
#include <string.h>
#include <webp/mux.h>

/* The loaders ClinicImages reads with; every other loader (SVG, PDF, ImageMagick, FITS,
   Matlab, OpenSlide, ...) is blocked for the whole process. */
static const char *const allowed_loaders[] = {
    "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadSpng",
    "VipsForeignLoadWebp", "VipsForeignLoadNsgif", "VipsForeignLoadGif",
    "VipsForeignLoadTiff", "VipsForeignLoadHeif",
};

static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

int clinic_vips_start(int concurrency) {
    if (VIPS_INIT("clinicsite") != 0) {
        return -1;
    }
    /* libvips reports damaged input as warnings on stderr too; ClinicImages reports it
       through its errors, with the file's path, instead. */
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL);
    vips_concurrency_set(concurrency);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    for (size_t i = 0; i < sizeof allowed_loaders / sizeof allowed_loaders[0]; i++) {
        if (g_type_from_name(allowed_loaders[i]) != 0) {
            vips_operation_block_set(allowed_loaders[i], FALSE);
        }
    }
    return 0;
}

int clinic_vips_read_header(const void *bytes, size_t length, ClinicVipsHeader *header) {
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    if (loader == NULL) {
        return -1;
    }
    /* A damaged TIFF, say, can be claimed by a loader blocked in clinic_vips_start. */
    VipsOperationClass *class = VIPS_OPERATION_CLASS(g_type_class_peek(g_type_from_name(loader)));
    if (class == NULL || (class->flags & VIPS_OPERATION_BLOCKED)) {
        vips_error("clinicsite", "its header cannot be read");
        return -1;
    }
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "",
                                                  "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) {
        return -1;
    }
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_page_height(image);
    header->orientation = vips_image_get_orientation(image);
    header->has_alpha = vips_image_hasalpha(image) ? 1 : 0;
    const char *nickname = vips_nickname_find(g_type_from_name(loader));
    g_strlcpy(header->loader, nickname != NULL ? nickname : loader, sizeof header->loader);
    g_object_unref(image);
    return 0;
}

int clinic_vips_thumbnail(const void *bytes, size_t length, int width, int height,
                          ClinicVipsCrop crop, VipsImage **out) {
    VipsInteresting interesting =
        crop == CLINIC_VIPS_CROP_ATTENTION ? VIPS_INTERESTING_ATTENTION : VIPS_INTERESTING_NONE;
    return vips_thumbnail_buffer((void *)bytes, length, out, width,
                                 "height", height,
                                 "size", VIPS_SIZE_DOWN,
                                 "crop", interesting,
                                 "fail_on", VIPS_FAIL_ON_ERROR,
                                 NULL);
}

int clinic_vips_thumbnail_stored(const void *bytes, size_t length, int width, int height,
                                 VipsImage **out) {
    return vips_thumbnail_buffer((void *)bytes, length, out, width,
                                 "height", height,
                                 "size", VIPS_SIZE_DOWN,
                                 "no_rotate", TRUE,
                                 "fail_on", VIPS_FAIL_ON_ERROR,
                                 NULL);
}

int clinic_vips_resample(VipsImage *in, int width, int height, ClinicVipsCrop crop,
                         VipsImage **out) {
    VipsInteresting interesting =
        crop == CLINIC_VIPS_CROP_ATTENTION ? VIPS_INTERESTING_ATTENTION : VIPS_INTERESTING_NONE;
    return vips_thumbnail_image(in, out, width,
                                "height", height,
                                "size", VIPS_SIZE_DOWN,
                                "crop", interesting,
                                "no_rotate", TRUE,
                                NULL);
}

int clinic_vips_to_srgb(VipsImage *in, VipsImage **out) {
    VipsInterpretation interpretation = vips_image_guess_interpretation(in);
    gboolean grey = interpretation == VIPS_INTERPRETATION_B_W ||
                    interpretation == VIPS_INTERPRETATION_GREY16;
    VipsInterpretation target = grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    if (interpretation == target && in->BandFmt == VIPS_FORMAT_UCHAR) {
        return vips_copy(in, out, NULL);
    }
    VipsImage *converted = NULL;
    if (vips_colourspace(in, &converted, target, NULL) != 0) {
        return -1;
    }
    int result = converted->BandFmt == VIPS_FORMAT_UCHAR
                     ? vips_copy(converted, out, NULL)
                     : vips_cast_uchar(converted, out, NULL);
    g_object_unref(converted);
    return result;
}

int clinic_vips_without_metadata(VipsImage *in, VipsImage **out) {
    /* The resolution too is the camera's: every output says 72 dpi. */
    double resolution = 72.0 / 25.4;
    if (vips_copy(in, out, "xres", resolution, "yres", resolution, NULL) != 0) {
        return -1;
    }
    gchar **fields = vips_image_get_fields(*out);
    for (gchar **field = fields; *field != NULL; field++) {
        vips_image_remove(*out, *field);
    }
    g_strfreev(fields);
    return 0;
}

int clinic_vips_flatten_white(VipsImage *in, VipsImage **out) {
    if (!vips_image_hasalpha(in)) {
        return vips_copy(in, out, NULL);
    }
    double white[] = {255.0, 255.0, 255.0};
    VipsArrayDouble *background = vips_array_double_new(white, in->Bands > 2 ? 3 : 1);
    int result = vips_flatten(in, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return result;
}

/* libvips 8.14.1's webpsave ignores strip=TRUE (it tests a field of its own that the option
   never sets) and writes an EXIF chunk it builds from the image: remove the EXIF, XMP and ICC
   chunks with libwebpmux, which also clears their VP8X flags. */
static int strip_webp(void **bytes, size_t *length) {
    WebPData data = {*bytes, *length};
    WebPMux *mux = WebPMuxCreate(&data, 0);
    if (mux == NULL) {
        vips_error("clinicsite", "libwebpmux cannot read the WebP it was given");
        return -1;
    }
    WebPMuxDeleteChunk(mux, "EXIF");
    WebPMuxDeleteChunk(mux, "XMP ");
    WebPMuxDeleteChunk(mux, "ICCP");
    WebPData stripped;
    WebPDataInit(&stripped);
    WebPMuxError status = WebPMuxAssemble(mux, &stripped);
    WebPMuxDelete(mux);
    if (status != WEBP_MUX_OK) {
        WebPDataClear(&stripped);
        vips_error("clinicsite", "libwebpmux cannot write the WebP (error %d)", (int)status);
        return -1;
    }
    g_free(*bytes);
    *bytes = g_memdup2(stripped.bytes, stripped.size);
    *length = stripped.size;
    WebPDataClear(&stripped);
    return 0;
}

int clinic_vips_save(VipsImage *in, ClinicVipsFormat format, int quality,
                     void **bytes, size_t *length) {
    switch (format) {
    case CLINIC_VIPS_JPEG:
        return vips_jpegsave_buffer(in, bytes, length,
                                    "Q", quality,
                                    "optimize_coding", TRUE,
                                    "interlace", TRUE,
                                    "strip", TRUE,
                                    NULL);
    case CLINIC_VIPS_WEBP:
        if (vips_webpsave_buffer(in, bytes, length,
                                 "Q", quality,
                                 "effort", 4,
                                 "strip", TRUE,
                                 NULL) != 0) {
            return -1;
        }
        if (strip_webp(bytes, length) != 0) {
            g_free(*bytes);
            *bytes = NULL;
            return -1;
        }
        return 0;
    case CLINIC_VIPS_PNG:
        return vips_pngsave_buffer(in, bytes, length,
                                   "compression", 6,
                                   "strip", TRUE,
                                   NULL);
    }
    vips_error("clinicsite", "unknown output format %d", (int)format);
    return -1;
}
