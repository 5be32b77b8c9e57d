@testable import ClinicImages
import Testing

extension ClinicImagesTests {
    /// XXH64 against the reference implementation's values (python-xxhash 3.x), and the
    /// fingerprint built on it.
    @Suite struct Hashing {
        static let vectors: [(bytes: [UInt8], seed0: UInt64, seed1: UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999, 0xF457_2AB5_E733_3C0B),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0x9DC0_ED22_0B88_FB20),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0xC8C3_75C9_AAF2_6C9D),
            (Array("0123456789abcdef0123456789abcdef!".utf8), 0x8AFF_F4DA_AC4E_677E, 0xF233_441C_F3D2_FA05),
            ((0..<4).flatMap { _ in (0...255).map(UInt8.init) } + Array("xyz".utf8), 0xE146_CB31_B65B_C21A, 0x63CC_EBA9_243D_F0C1),
        ]

        @Test func xxh64MatchesTheReference() {
            for vector in Hashing.vectors {
                #expect(XXHash64.hash(vector.bytes, seed: 0) == vector.seed0, "\(vector.bytes.count) bytes")
                #expect(XXHash64.hash(vector.bytes, seed: 0x636C_696E_6963_7369) == vector.seed1, "\(vector.bytes.count) bytes")
            }
        }

        @Test func theFingerprintIsBothHashes() {
            let hash = ImageHash(Array("abc".utf8))
            #expect(hash.hex == "44bc2cf5ad770999c8c375c9aaf26c9d")
            #expect(hash.short == "44bc2cf5")
            #expect(ImageHash([]).hex == "ef46db3751d8e999f4572ab5e7333c0b")
        }
    }
}
