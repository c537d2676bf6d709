/// The record ids already kept, for de-duplication: 16 bytes per id in one flat open-addressing
/// table (linear probing, at most 7/8 full), about half of what `Set<RecordIdentity>` takes and
/// with no per-insert hashing of a `Hasher`. This is the one structure of a build that grows
/// with the input: every record id must be remembered to recognise a later copy of it.
struct RecordIdentitySet {
    /// Slots; an all-zero slot is empty (the all-zero id itself is tracked by `containsZero`).
    private var slots: [RecordIdentity]
    private var mask: Int
    private(set) var count = 0
    private var containsZero = false

    init(capacity: Int = 1 << 16) {
        let size = max(16, capacity.nextPowerOfTwo)
        slots = Array(repeating: RecordIdentity(high: 0, low: 0), count: size)
        mask = size - 1
    }

    /// Inserts `identity`; false when it was already there.
    mutating func insert(_ identity: RecordIdentity) -> Bool {
        if identity.high == 0 && identity.low == 0 {
            defer { containsZero = true }
            if containsZero { return false }
            count += 1
            return true
        }
        if (count + 1) * 8 > slots.count * 7 { grow() }
        let mask = self.mask
        let inserted = slots.withUnsafeMutableBufferPointer { Self.place(identity, in: $0, mask: mask) }
        if inserted { count += 1 }
        return inserted
    }

    /// Puts `identity` into the first free slot of its probe sequence unless it is already there.
    private static func place(_ identity: RecordIdentity, in slots: UnsafeMutableBufferPointer<RecordIdentity>, mask: Int) -> Bool {
        var index = slot(of: identity, mask: mask)
        while true {
            let current = slots[index]
            if current.high == 0 && current.low == 0 {
                slots[index] = identity
                return true
            }
            if current == identity { return false }
            index = (index + 1) & mask
        }
    }

    /// A multiplicative mix of both halves: ids that differ only in a few bits (sequential
    /// GUIDs, hand-made test ids) still spread over the table.
    private static func slot(of identity: RecordIdentity, mask: Int) -> Int {
        let mixed = (identity.high ^ (identity.low &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 17 ^ mixed >> 43) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: RecordIdentity(high: 0, low: 0), count: old.count * 2)
        mask = slots.count - 1
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { table in
            for identity in old where identity.high != 0 || identity.low != 0 {
                _ = Self.place(identity, in: table, mask: mask)
            }
        }
    }
}

private extension Int {
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
