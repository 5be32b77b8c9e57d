#ifndef CLINICSITE_CVIPSSHIM_H
#define CLINICSITE_CVIPSSHIM_H
/*
 * Non-variadic wrappers around the libvips calls ClinicImages needs: Swift cannot call
 * libvips' variadic API (vips_thumbnail_buffer(..., NULL)). Each function returns 0 on
 * success and -1 on failure with libvips' error buffer set; an image it gives through `out`
 * belongs to the caller, who releases it with g_object_unref, and a buffer with g_free.
 */
#include <stddef.h>
#include <vips/vips.h>

/* Starts libvips once: vips_init, `concurrency` worker threads per pipeline, no operation
   cache, and every loader blocked except JPEG, PNG, WebP, GIF, TIFF and HEIF. */
int clinic_vips_start(int concurrency);

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
