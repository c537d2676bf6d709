/// A set of 128-bit keys (record ids, prompt and thread hashes) in one flat open-addressing
/// table: 16 bytes per key (linear probing, at most 7/8 full), about half of what a Swift `Set`
/// of the same keys takes, and no `Hasher` per insert. De-duplication keeps one for every
/// record id of a build (the one structure that grows with the input); the usage reduction
/// one per partition of prompt and thread keys.
struct HashKeySet {
    private struct Slot { var high: UInt64; var low: UInt64 }
    /// Slots; an all-zero slot is empty (the all-zero key itself is tracked by `containsZero`).
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0
    private var containsZero = false

    init(capacity: Int = 1 << 16) {
        let size = max(16, (capacity + capacity / 4).nextPowerOfTwo)
        slots = Array(repeating: Slot(high: 0, low: 0), count: size)
        mask = size - 1
    }

    /// Inserts the key; false when it was already there.
    mutating func insert(high: UInt64, low: UInt64) -> Bool {
        if high == 0 && low == 0 {
            defer { containsZero = true }
            if containsZero { return false }
            count += 1
            return true
        }
        if (count + 1) * 8 > slots.count * 7 { grow() }
        let mask = self.mask
        let inserted = slots.withUnsafeMutableBufferPointer { Self.place(Slot(high: high, low: low), in: $0, mask: mask) }
        if inserted { count += 1 }
        return inserted
    }

    /// Memory the table takes.
    var byteSize: Int { slots.count * MemoryLayout<Slot>.stride }

    /// Every key, as (high, low) pairs back to back.
    var keys: [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(count * 2)
        if containsZero { keys += [0, 0] }
        for slot in slots where slot.high != 0 || slot.low != 0 { keys += [slot.high, slot.low] }
        return keys
    }

    mutating func insert(_ identity: RecordIdentity) -> Bool {
        insert(high: identity.high, low: identity.low)
    }

    mutating func insert(_ key: PairKey) -> Bool {
        insert(high: key.high, low: key.low)
    }

    /// Puts `key` into the first free slot of its probe sequence unless it is already there.
    private static func place(_ key: Slot, in slots: UnsafeMutableBufferPointer<Slot>, mask: Int) -> Bool {
        var index = slot(of: key, mask: mask)
        while true {
            let current = slots[index]
            if current.high == 0 && current.low == 0 {
                slots[index] = key
                return true
            }
            if current.high == key.high && current.low == key.low { return false }
            index = (index + 1) & mask
        }
    }

    /// A multiplicative mix of both halves: keys that differ only in a few bits (sequential
    /// GUIDs, hand-made test ids) still spread over the table.
    private static func slot(of key: Slot, mask: Int) -> Int {
        let mixed = (key.high ^ (key.low &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 17 ^ mixed >> 43) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(high: 0, low: 0), count: old.count * 2)
        mask = slots.count - 1
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { table in
            for key in old where key.high != 0 || key.low != 0 {
                _ = Self.place(key, in: table, mask: mask)
            }
        }
    }
}

private extension Int {
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
