/* The floor: the least any cmark-based generator must do for a corpus of aftercare pages.
 * Reads every file in IN, skips the front matter, renders the Markdown with
 * cmark_markdown_to_html, wraps it in a minimal page and writes OUT/<name>/index.html,
 * on all cores. A baseline for ClinicSite's benchmark, not a competitor.
 *
 * Build: cc -O2 -o floor floor.c -lcmark -lpthread      Run: ./floor IN OUT
 */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **names;
static size_t count;
static const char *in_dir, *out_dir;
static atomic_size_t next_index;

static char *read_file(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    struct stat info;
    fstat(fd, &info);
    char *buffer = malloc((size_t)info.st_size + 1);
    size_t got = 0;
    while (got < (size_t)info.st_size) {
        ssize_t n = read(fd, buffer + got, (size_t)info.st_size - got);
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    buffer[got] = 0;
    *length = got;
    return buffer;
}

static const char *skip_front_matter(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? end + 5 : text;
}

static void write_all(int fd, const char *data, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, data, length);
        if (n <= 0) { perror("write"); exit(1); }
        data += n;
        length -= (size_t)n;
    }
}

static void *worker(void *unused) {
    (void)unused;
    char path[4096];
    for (;;) {
        size_t i = atomic_fetch_add(&next_index, 1);
        if (i >= count) break;
        size_t length;
        snprintf(path, sizeof path, "%s/%s", in_dir, names[i]);
        char *text = read_file(path, &length);
        if (!text) { perror(path); exit(1); }
        const char *body = skip_front_matter(text);
        char *html = cmark_markdown_to_html(body, strlen(body), CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
        char stem[1024];
        snprintf(stem, sizeof stem, "%s", names[i]);
        char *dot = strrchr(stem, '.');
        if (dot) *dot = 0;
        snprintf(path, sizeof path, "%s/%s", out_dir, stem);
        mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/%s/index.html", out_dir, stem);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); exit(1); }
        static const char head[] = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Aftercare</title></head>\n<body>\n";
        static const char tail[] = "</body>\n</html>\n";
        write_all(fd, head, sizeof head - 1);
        write_all(fd, html, strlen(html));
        write_all(fd, tail, sizeof tail - 1);
        close(fd);
        free(html);
        free(text);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor IN OUT\n"); return 2; }
    in_dir = argv[1];
    out_dir = argv[2];
    mkdir(out_dir, 0755);
    DIR *dir = opendir(in_dir);
    if (!dir) { perror(in_dir); return 1; }
    size_t capacity = 1024;
    names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t len = strlen(entry->d_name);
        if (len < 4 || strcmp(entry->d_name + len - 3, ".md") != 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1) cores = 1;
    pthread_t *threads = malloc((size_t)cores * sizeof *threads);
    for (long t = 0; t < cores; t++) pthread_create(&threads[t], NULL, worker, NULL);
    for (long t = 0; t < cores; t++) pthread_join(threads[t], NULL);
    printf("floor: %zu pages\n", count);
    return 0;
}
