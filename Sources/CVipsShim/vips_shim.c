#include "CVipsShim.h"
#include <CClinicSupport.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>
#include <vips/vector.h>
#include <webp/mux.h>
#include "vips_symbols.h"

/*
 * libvips is opened with dlopen the first time a photo is read (clinic_vips_load), not by the
 * dynamic loader at start-up: it brings about 95 shared libraries, and most builds decode no
 * image. The library opened is the one the headers were compiled against: its ABI number,
 * VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE (42 for 8.x), is the number in its soname.
 */
#define CLINIC_VIPS_ABI (VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE)

/*
 * SwiftPM puts pkg-config's `-lvips -lgio-2.0 -lgobject-2.0 -lglib-2.0` on the link of every
 * product using CVips, and the linker would record each of them as needed (DT_NEEDED) and load
 * them all at start-up, though nothing calls them by name. --as-needed makes the linker record
 * only the libraries that define a symbol the program uses; it must come before those flags on
 * the link line, and SwiftPM places linkerSettings after them. The Swift driver gathers the
 * entries of every object's .swift1_autolink_entries section (swift-autolink-extract) and puts
 * them on the link line ahead of the libraries, so this object carries the flag there. The
 * section is excluded from the program (flag "e"), as Swift's own entries are. It applies to
 * every library after it, as Debian's and Ubuntu's linkers do by default.
 */
#if defined(__linux__) && defined(__ELF__)
__asm__(".section .swift1_autolink_entries,\"e\",@progbits\n"
        ".asciz \"-Wl,--as-needed\"\n"
        ".previous\n");
#endif

/* The table of functions, filled once by dlsym. */
#define CLINIC_VIPS_MEMBER(name) __typeof__(name) *name;
static struct {
    CLINIC_VIPS_SYMBOLS(CLINIC_VIPS_MEMBER)
} api;
#define LIB(name) (api.name)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char soname[64];
static char load_error[512];

const char *clinic_vips_soname(void) {
    if (soname[0] == 0) {
#ifdef __APPLE__
        snprintf(soname, sizeof soname, "libvips.%d.dylib", CLINIC_VIPS_ABI);
#else
        snprintf(soname, sizeof soname, "libvips.so.%d", CLINIC_VIPS_ABI);
#endif
    }
    return soname;
}

static void load(void) {
    const char *name = clinic_vips_soname();
    char package[32];
    snprintf(package, sizeof package, "libvips%d", CLINIC_VIPS_ABI);
    void *handle = clinicsite_open_library(name, "libvips", package, load_error, sizeof load_error);
    if (handle == NULL) return;
    /* dlsym on the handle searches libvips and the libraries it needs (GLib, GObject,
       libwebp, libwebpmux), so one handle resolves every function. */
#define CLINIC_VIPS_RESOLVE(symbol)                                                          \
    api.symbol = (__typeof__(symbol) *)clinicsite_library_symbol(handle, name, #symbol, "libvips", package, \
                                                                 load_error, sizeof load_error); \
    if (api.symbol == NULL) {                                                                \
        dlclose(handle);                                                                     \
        memset(&api, 0, sizeof api);                                                         \
        return;                                                                              \
    }
    CLINIC_VIPS_SYMBOLS(CLINIC_VIPS_RESOLVE)
#undef CLINIC_VIPS_RESOLVE
    load_status = 0;
}

int clinic_vips_load(void) {
    pthread_once(&load_once, load);
    return load_status;
}

const char *clinic_vips_problem(void) {
    return load_error[0] != 0 ? load_error : NULL;
}

/* The few calls Swift makes between the operations below. */
void clinic_vips_unref(VipsImage *image) {
    LIB(g_object_unref)(image);
}

void clinic_vips_free(void *buffer) {
    LIB(g_free)(buffer);
}

int clinic_vips_width(VipsImage *image) {
    return LIB(vips_image_get_width)(image);
}

int clinic_vips_height(VipsImage *image) {
    return LIB(vips_image_get_height)(image);
}

int clinic_vips_concurrency(void) {
    return LIB(vips_concurrency_get)();
}

int clinic_vips_vectors(void) {
    return LIB(vips_vector_isenabled)() ? 1 : 0;
}

void clinic_vips_set_concurrency(int threads) {
    LIB(vips_concurrency_set)(threads);
}

const char *clinic_vips_version(void) {
    return LIB(vips_version_string)();
}

int clinic_vips_copy_memory(VipsImage *in, VipsImage **out) {
    *out = LIB(vips_image_copy_memory)(in);
    return *out == NULL ? -1 : 0;
}

char *clinic_vips_error(void) {
    return LIB(vips_error_buffer_copy)();
}

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
    if (clinic_vips_load() != 0) {
        return -2;
    }
    /* VIPS_INIT: the library's ABI must be the headers', then vips_init. */
    if (LIB(vips_version)(3) - LIB(vips_version)(5) != CLINIC_VIPS_ABI) {
        snprintf(load_error, sizeof load_error, "%s has ABI %d, ClinicSite was built for %d",
                 clinic_vips_soname(), LIB(vips_version)(3) - LIB(vips_version)(5), CLINIC_VIPS_ABI);
        return -2;
    }
    if (LIB(vips_init)("clinicsite") != 0) {
        return -1;
    }
    /* No run-time compiled (Orc) loops: liborc 0.4.33 (Debian 12) frees and splits its code
       memory's chunks outside its lock, so two threads resizing at once can corrupt the list
       and spin in orc_code_allocate_codemem forever (a 200-photo build hung so, seen in gdb).
       The C loops cost about a third more time on a cold build of photos; libvips 8.15
       replaced Orc too. */
    LIB(vips_vector_set_enabled)(FALSE);
    /* libvips reports damaged input as warnings on stderr too; ClinicImages reports it
       through its errors, with the file's path, instead. */
    LIB(g_log_set_handler)("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL);
    LIB(vips_concurrency_set)(concurrency);
    LIB(vips_cache_set_max)(0);
    LIB(vips_cache_set_max_mem)(0);
    LIB(vips_cache_set_max_files)(0);
    LIB(vips_block_untrusted_set)(TRUE);
    LIB(vips_operation_block_set)("VipsForeignLoad", TRUE);
    for (size_t i = 0; i < sizeof allowed_loaders / sizeof allowed_loaders[0]; i++) {
        if (LIB(g_type_from_name)(allowed_loaders[i]) != 0) {
            LIB(vips_operation_block_set)(allowed_loaders[i], FALSE);
        }
    }
    return 0;
}

int clinic_vips_read_header(const void *bytes, size_t length, ClinicVipsHeader *header) {
    const char *loader = LIB(vips_foreign_find_load_buffer)(bytes, length);
    if (loader == NULL) {
        return -1;
    }
    /* A damaged TIFF, say, can be claimed by a loader blocked in clinic_vips_start. */
    GTypeClass *peeked = LIB(g_type_class_peek)(LIB(g_type_from_name)(loader));
    VipsOperationClass *class = peeked == NULL ? NULL
        : (VipsOperationClass *)LIB(g_type_check_class_cast)(peeked, LIB(vips_operation_get_type)());
    if (class == NULL || (class->flags & VIPS_OPERATION_BLOCKED)) {
        LIB(vips_error)("clinicsite", "its header cannot be read");
        return -1;
    }
    VipsImage *image = LIB(vips_image_new_from_buffer)(bytes, length, "",
                                                  "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) {
        return -1;
    }
    header->width = LIB(vips_image_get_width)(image);
    header->height = LIB(vips_image_get_page_height)(image);
    header->orientation = LIB(vips_image_get_orientation)(image);
    header->has_alpha = LIB(vips_image_hasalpha)(image) ? 1 : 0;
    const char *nickname = LIB(vips_nickname_find)(LIB(g_type_from_name)(loader));
    LIB(g_strlcpy)(header->loader, nickname != NULL ? nickname : loader, sizeof header->loader);
    LIB(g_object_unref)(image);
    return 0;
}

int clinic_vips_thumbnail(const void *bytes, size_t length, int width, int height,
                          ClinicVipsCrop crop, VipsImage **out) {
    VipsInteresting interesting =
        crop == CLINIC_VIPS_CROP_ATTENTION ? VIPS_INTERESTING_ATTENTION : VIPS_INTERESTING_NONE;
    return LIB(vips_thumbnail_buffer)((void *)bytes, length, out, width,
                                 "height", height,
                                 "size", VIPS_SIZE_DOWN,
                                 "crop", interesting,
                                 "fail_on", VIPS_FAIL_ON_ERROR,
                                 NULL);
}

int clinic_vips_thumbnail_stored(const void *bytes, size_t length, int width, int height,
                                 VipsImage **out) {
    return LIB(vips_thumbnail_buffer)((void *)bytes, length, out, width,
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
    return LIB(vips_thumbnail_image)(in, out, width,
                                "height", height,
                                "size", VIPS_SIZE_DOWN,
                                "crop", interesting,
                                "no_rotate", TRUE,
                                NULL);
}

int clinic_vips_to_srgb(VipsImage *in, VipsImage **out) {
    VipsInterpretation interpretation = LIB(vips_image_guess_interpretation)(in);
    gboolean grey = interpretation == VIPS_INTERPRETATION_B_W ||
                    interpretation == VIPS_INTERPRETATION_GREY16;
    VipsInterpretation target = grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    if (interpretation == target && in->BandFmt == VIPS_FORMAT_UCHAR) {
        return LIB(vips_copy)(in, out, NULL);
    }
    VipsImage *converted = NULL;
    if (LIB(vips_colourspace)(in, &converted, target, NULL) != 0) {
        return -1;
    }
    int result = converted->BandFmt == VIPS_FORMAT_UCHAR
                     ? LIB(vips_copy)(converted, out, NULL)
                     : LIB(vips_cast_uchar)(converted, out, NULL);
    LIB(g_object_unref)(converted);
    return result;
}

int clinic_vips_without_metadata(VipsImage *in, VipsImage **out) {
    /* The resolution too is the camera's: every output says 72 dpi. */
    double resolution = 72.0 / 25.4;
    if (LIB(vips_copy)(in, out, "xres", resolution, "yres", resolution, NULL) != 0) {
        return -1;
    }
    gchar **fields = LIB(vips_image_get_fields)(*out);
    for (gchar **field = fields; *field != NULL; field++) {
        LIB(vips_image_remove)(*out, *field);
    }
    LIB(g_strfreev)(fields);
    return 0;
}

int clinic_vips_flatten_white(VipsImage *in, VipsImage **out) {
    if (!LIB(vips_image_hasalpha)(in)) {
        return LIB(vips_copy)(in, out, NULL);
    }
    double white[] = {255.0, 255.0, 255.0};
    VipsArrayDouble *background = LIB(vips_array_double_new)(white, in->Bands > 2 ? 3 : 1);
    int result = LIB(vips_flatten)(in, out, "background", background, NULL);
    LIB(vips_area_unref)((VipsArea *)background);
    return result;
}

/* libvips 8.14.1's webpsave ignores strip=TRUE (it tests a field of its own that the option
   never sets) and writes an EXIF chunk it builds from the image: remove the EXIF, XMP and ICC
   chunks with libwebpmux, which also clears their VP8X flags. */
static int strip_webp(void **bytes, size_t *length) {
    WebPData data = {*bytes, *length};
    WebPMux *mux = LIB(WebPMuxCreateInternal)(&data, 0, WEBP_MUX_ABI_VERSION);
    if (mux == NULL) {
        LIB(vips_error)("clinicsite", "libwebpmux cannot read the WebP it was given");
        return -1;
    }
    LIB(WebPMuxDeleteChunk)(mux, "EXIF");
    LIB(WebPMuxDeleteChunk)(mux, "XMP ");
    LIB(WebPMuxDeleteChunk)(mux, "ICCP");
    WebPData stripped;
    WebPDataInit(&stripped);
    WebPMuxError status = LIB(WebPMuxAssemble)(mux, &stripped);
    LIB(WebPMuxDelete)(mux);
    if (status != WEBP_MUX_OK) {
        LIB(WebPFree)((void *)stripped.bytes);
        LIB(vips_error)("clinicsite", "libwebpmux cannot write the WebP (error %d)", (int)status);
        return -1;
    }
    LIB(g_free)(*bytes);
    *bytes = LIB(g_memdup2)(stripped.bytes, stripped.size);
    *length = stripped.size;
    LIB(WebPFree)((void *)stripped.bytes);
    return 0;
}

int clinic_vips_save(VipsImage *in, ClinicVipsFormat format, int quality,
                     void **bytes, size_t *length) {
    switch (format) {
    case CLINIC_VIPS_JPEG:
        return LIB(vips_jpegsave_buffer)(in, bytes, length,
                                    "Q", quality,
                                    "optimize_coding", TRUE,
                                    "interlace", TRUE,
                                    "strip", TRUE,
                                    NULL);
    case CLINIC_VIPS_WEBP:
        if (LIB(vips_webpsave_buffer)(in, bytes, length,
                                 "Q", quality,
                                 "effort", 4,
                                 "strip", TRUE,
                                 NULL) != 0) {
            return -1;
        }
        if (strip_webp(bytes, length) != 0) {
            LIB(g_free)(*bytes);
            *bytes = NULL;
            return -1;
        }
        return 0;
    case CLINIC_VIPS_PNG:
        return LIB(vips_pngsave_buffer)(in, bytes, length,
                                   "compression", 6,
                                   "strip", TRUE,
                                   NULL);
    }
    LIB(vips_error)("clinicsite", "unknown output format %d", (int)format);
    return -1;
}
