#ifndef CLINICSITE_CVIPSTESTSUPPORT_H
#define CLINICSITE_CVIPSTESTSUPPORT_H
/*
 * libvips helpers for ClinicImagesTests: make photo-like test images in any format libvips
 * can save, and look at the pixels of an output. Each returns 0 on success, -1 on failure.
 */
#include <stddef.h>

/* A width x height photo-like image (gradients, seeded noise and a white square over the
   top-left fifth as a marker), with an alpha channel when `alpha` is set, saved with
   libvips' `suffix` (".jpg[Q=90]", ".png", ".heic[compression=hevc]", ...). The caller
   frees `*bytes` with cvts_free. */
int cvts_make_image(int width, int height, int alpha, int seed, const char *suffix,
                    void **bytes, size_t *length);

/* A flat grey width x height image with one subject: a side x side square at (left, top) of
   seeded high-contrast noise in red (red stays 140 above green and blue wherever no band
   clips), saved with libvips' `suffix`. The caller frees `*bytes` with cvts_free. */
int cvts_make_subject(int width, int height, int left, int top, int side, int seed,
                      const char *suffix, void **bytes, size_t *length);

/* A GIF of `frames` frames, each width x height, the first grey and the others black. */
int cvts_make_animated_gif(int width, int height, int frames, void **bytes, size_t *length);

void cvts_free(void *bytes);

/* Decodes `bytes` and gives its size, bands, and the mean and standard deviation of every
   band over a rectangle. */
int cvts_measure(const void *bytes, size_t length, int left, int top, int width, int height,
                 int *image_width, int *image_height, int *bands, double *mean, double *deviation);

/* Whether libvips can save HEIC here (libheif built with an HEVC encoder). */
int cvts_can_save_heic(void);

/* libvips's last error, and the buffer cleared. */
const char *cvts_error(void);

#endif
