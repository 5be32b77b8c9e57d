#ifndef CLINICSITE_CVIPSSHIM_H
#define CLINICSITE_CVIPSSHIM_H
/*
 * Every libvips call ClinicImages makes, as plain C functions: Swift cannot call libvips'
 * variadic API (vips_thumbnail_buffer(..., NULL)), and libvips is not linked into the program
 * but opened with dlopen the first time a photo is read (clinic_vips_load), so only this
 * shim calls it. Each operation returns 0 on success and -1 on failure with libvips' error
 * buffer set (clinic_vips_error); an image it gives through `out` belongs to the caller, who
 * releases it with clinic_vips_unref, and a buffer with clinic_vips_free.
 *
 * The header names no libvips type beyond the opaque image, so nothing that includes it can
 * call libvips directly.
 */
#include <stddef.h>

typedef struct _VipsImage VipsImage;

/* The file clinic_vips_load opens, e.g. "libvips.so.42": the soname of the libvips the
   headers were compiled against. Does not load it. */
const char *clinic_vips_soname(void);

/* Opens libvips and resolves every function the shim calls, once per process and
   thread-safe; 0, or -1 with the reason in clinic_vips_problem. */
int clinic_vips_load(void);

/* Why libvips could not be loaded or started, e.g. "libvips could not be loaded
   (libvips.so.42: cannot open shared object file); install libvips42"; NULL when nothing
   went wrong. */
const char *clinic_vips_problem(void);

/* Starts libvips once (loading it first): vips_init, `concurrency` worker threads per
   pipeline, no operation cache, and every loader blocked except JPEG, PNG, WebP, GIF, TIFF
   and HEIF. 0; -2 when libvips could not be loaded or is not the ABI the shim was built for
   (clinic_vips_problem says why); -1 when vips_init failed (clinic_vips_error). */
int clinic_vips_start(int concurrency);

/* The calls between operations; only after clinic_vips_start succeeded. */
void clinic_vips_unref(VipsImage *image);
void clinic_vips_free(void *buffer);
int clinic_vips_width(VipsImage *image);
int clinic_vips_height(VipsImage *image);
int clinic_vips_concurrency(void);
/* 1 when libvips runs its run-time compiled (Orc) loops; clinic_vips_start turns them off. */
int clinic_vips_vectors(void);
void clinic_vips_set_concurrency(int threads);
/* libvips' version, e.g. "8.14.1". */
const char *clinic_vips_version(void);
/* vips_image_copy_memory: decodes `in` into memory. */
int clinic_vips_copy_memory(VipsImage *in, VipsImage **out);
/* libvips' error buffer, cleared; the caller frees it with clinic_vips_free. */
char *clinic_vips_error(void);

/* What the header says, read without decoding pixels. */
typedef struct {
    int width;          /* as stored, before the orientation is applied */
    int height;
    int orientation;    /* 1-8; 5-8 swap width and height */
    int has_alpha;
    char loader[48];    /* libvips' loader nickname, e.g. "jpegload_buffer" */
} ClinicVipsHeader;

int clinic_vips_read_header(const void *bytes, size_t length, ClinicVipsHeader *header);

/* Crop for clinic_vips_thumbnail and clinic_vips_resample. */
typedef enum {
    CLINIC_VIPS_CROP_NONE = 0,
    CLINIC_VIPS_CROP_ATTENTION = 1
} ClinicVipsCrop;

/* vips_thumbnail_buffer: shrink-on-load, autorotate, colour-managed to sRGB, never
   upscaled, failing on truncated or damaged data. A lazy image: `bytes` must outlive it. */
int clinic_vips_thumbnail(const void *bytes, size_t length, int width, int height,
                          ClinicVipsCrop crop, VipsImage **out);

/* clinic_vips_thumbnail without the EXIF orientation applied (crop none): for the size of a
   turned photo's variant, which vips_thumbnail_buffer works out only by decoding the pixels
   (it copies the shrunk image to memory to turn it). */
int clinic_vips_thumbnail_stored(const void *bytes, size_t length, int width, int height,
                                 VipsImage **out);

/* vips_thumbnail_image on an image already upright and in sRGB. */
int clinic_vips_resample(VipsImage *in, int width, int height, ClinicVipsCrop crop,
                         VipsImage **out);

/* 8-bit sRGB (or 8-bit grey for a grey image), alpha kept. */
int clinic_vips_to_srgb(VipsImage *in, VipsImage **out);

/* The same pixels with every metadata item (EXIF, XMP, IPTC, ICC profile, comments,
   orientation, ...) removed and the resolution set to 72 dpi. */
int clinic_vips_without_metadata(VipsImage *in, VipsImage **out);

/* Alpha flattened onto white; an image without alpha is copied. */
int clinic_vips_flatten_white(VipsImage *in, VipsImage **out);

/* Output encodings. */
typedef enum {
    CLINIC_VIPS_JPEG = 0,
    CLINIC_VIPS_WEBP = 1,
    CLINIC_VIPS_PNG = 2
} ClinicVipsFormat;

/* Encodes with strip=TRUE (libvips 8.14 has no keep= option); for WebP, also removes the
   EXIF, XMP and ICC chunks that 8.14.1's webpsave writes despite strip=TRUE. */
int clinic_vips_save(VipsImage *in, ClinicVipsFormat format, int quality,
                     void **bytes, size_t *length);

#endif
