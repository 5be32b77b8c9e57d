#ifndef CLINICSITE_CVIPS_SHIM_H
#define CLINICSITE_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
