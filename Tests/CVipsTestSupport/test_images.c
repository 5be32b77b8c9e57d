#include "CVipsTestSupport.h"
#include <pthread.h>
#include <vips/vips.h>

/* libvips' first initialisation is not safe to run on two threads at once (tests make
   images in parallel): it runs once, and every function checks its result. */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_result = 0;

static void init_vips(void) {
    init_result = VIPS_INIT("clinicimages-tests");
}

static int start_vips(void) {
    pthread_once(&init_once, init_vips);
    return init_result;
}

static int unref_and(int result, VipsImage **images, int count) {
    for (int i = 0; i < count; i++) {
        if (images[i] != NULL) {
            g_object_unref(images[i]);
        }
    }
    return result;
}

/* Band `band` of xyz, scaled and offset, with noise added. */
static int channel(VipsImage *xyz, VipsImage *noise, int band, double scale, double offset,
                   VipsImage **out) {
    VipsImage *t[2] = {NULL, NULL};
    if (vips_extract_band(xyz, &t[0], band, NULL) ||
        vips_linear1(t[0], &t[1], scale, offset, NULL) ||
        vips_add(t[1], noise, out, NULL)) {
        return unref_and(-1, t, 2);
    }
    return unref_and(0, t, 2);
}

int cvts_make_image(int width, int height, int alpha, int seed, const char *suffix,
                    void **bytes, size_t *length) {
    if (start_vips()) {
        return -1;
    }
    VipsImage *t[9] = {NULL};
    if (vips_xyz(&t[0], width, height, NULL) ||
        vips_gaussnoise(&t[1], width, height, "sigma", 12.0, "mean", 0.0, "seed", seed, NULL) ||
        channel(t[0], t[1], 0, 150.0 / width, 40.0, &t[2]) ||
        channel(t[0], t[1], 1, 150.0 / height, 60.0, &t[3]) ||
        channel(t[0], t[1], 0, -120.0 / width, 200.0, &t[4])) {
        return unref_and(-1, t, 9);
    }
    VipsImage *bands[4] = {t[2], t[3], t[4], NULL};
    int count = 3;
    if (alpha) {
        if (vips_extract_band(t[0], &t[5], 1, NULL) ||
            vips_linear1(t[5], &t[6], 255.0 / height, 0.0, NULL)) {
            return unref_and(-1, t, 9);
        }
        bands[3] = t[6];
        count = 4;
    }
    if (vips_bandjoin(bands, &t[7], count, NULL) ||
        vips_cast_uchar(t[7], &t[8], NULL)) {
        return unref_and(-1, t, 9);
    }
    VipsImage *image = vips_image_copy_memory(t[8]);
    if (image == NULL) {
        return unref_and(-1, t, 9);
    }
    image->Type = VIPS_INTERPRETATION_sRGB;
    double white[] = {255.0, 255.0, 255.0, 255.0};
    int result = vips_draw_rect(image, white, count, 0, 0, width / 5, height / 5, "fill", TRUE, NULL) ||
                 vips_image_write_to_buffer(image, suffix, bytes, length, NULL);
    g_object_unref(image);
    return unref_and(result ? -1 : 0, t, 9);
}

int cvts_make_subject(int width, int height, int left, int top, int side, int seed,
                      const char *suffix, void **bytes, size_t *length) {
    if (start_vips()) {
        return -1;
    }
    VipsImage *t[8] = {NULL};
    double grey[] = {110.0, 110.0, 110.0};
    double ones[] = {1.0, 1.0, 1.0};
    double red[] = {200.0, 60.0, 60.0};
    if (vips_black(&t[0], width, height, "bands", 3, NULL) ||
        vips_linear(t[0], &t[1], ones, grey, 3, NULL) ||
        vips_cast_uchar(t[1], &t[2], NULL) ||
        vips_gaussnoise(&t[3], side, side, "sigma", 50.0, "mean", 0.0, "seed", seed, NULL)) {
        return unref_and(-1, t, 8);
    }
    VipsImage *noise[3] = {t[3], t[3], t[3]};
    if (vips_bandjoin(noise, &t[4], 3, NULL) ||
        vips_linear(t[4], &t[5], ones, red, 3, NULL) ||
        vips_cast_uchar(t[5], &t[6], NULL) ||
        vips_insert(t[2], t[6], &t[7], left, top, NULL)) {
        return unref_and(-1, t, 8);
    }
    VipsImage *image = vips_image_copy_memory(t[7]);
    if (image == NULL) {
        return unref_and(-1, t, 8);
    }
    image->Type = VIPS_INTERPRETATION_sRGB;
    int result = vips_image_write_to_buffer(image, suffix, bytes, length, NULL);
    g_object_unref(image);
    return unref_and(result ? -1 : 0, t, 8);
}

int cvts_make_animated_gif(int width, int height, int frames, void **bytes, size_t *length) {
    if (start_vips()) {
        return -1;
    }
    VipsImage *t[3] = {NULL, NULL, NULL};
    if (vips_black(&t[0], width, height * frames, "bands", 3, NULL) ||
        vips_cast_uchar(t[0], &t[1], NULL)) {
        return unref_and(-1, t, 3);
    }
    t[2] = vips_image_copy_memory(t[1]);
    if (t[2] == NULL) {
        return unref_and(-1, t, 3);
    }
    t[2]->Type = VIPS_INTERPRETATION_sRGB;
    double grey[] = {128.0, 128.0, 128.0};
    vips_image_set_int(t[2], "page-height", height);
    int result = vips_draw_rect(t[2], grey, 3, 0, 0, width, height, "fill", TRUE, NULL) ||
                 vips_gifsave_buffer(t[2], bytes, length, NULL);
    return unref_and(result ? -1 : 0, t, 3);
}

void cvts_free(void *bytes) {
    g_free(bytes);
}

int cvts_measure(const void *bytes, size_t length, int left, int top, int width, int height,
                 int *image_width, int *image_height, int *bands, double *mean, double *deviation) {
    if (start_vips()) {
        return -1;
    }
    VipsImage *t[4] = {NULL};
    if (!(t[0] = vips_image_new_from_buffer(bytes, length, "", NULL))) {
        return -1;
    }
    *image_width = t[0]->Xsize;
    *image_height = t[0]->Ysize;
    *bands = t[0]->Bands;
    if (vips_extract_area(t[0], &t[1], left, top, width, height, NULL) ||
        vips_stats(t[1], &t[2], NULL)) {
        return unref_and(-1, t, 4);
    }
    for (int band = 0; band < *bands; band++) {
        mean[band] = *VIPS_MATRIX(t[2], 4, band + 1);
        deviation[band] = *VIPS_MATRIX(t[2], 5, band + 1);
    }
    return unref_and(0, t, 4);
}

int cvts_can_save_heic(void) {
    if (start_vips()) {
        return 0;
    }
    return vips_type_find("VipsOperation", "heifsave_buffer") != 0;
}

const char *cvts_error(void) {
    static char copy[1024];
    g_strlcpy(copy, vips_error_buffer(), sizeof copy);
    vips_error_clear();
    return copy;
}
