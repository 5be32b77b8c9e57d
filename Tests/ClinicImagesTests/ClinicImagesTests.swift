import Testing

/// Every ClinicImages test, one at a time: the decompression-bomb test measures the
/// process's resident memory, which other tests encoding at the same moment would disturb.
@Suite(.serialized)
struct ClinicImagesTests {}
