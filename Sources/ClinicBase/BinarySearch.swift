/// The first of `0..<count` for which `isBefore` is false, by binary search: `isBefore` must
/// hold for a prefix of `0..<count` and for nothing after it (a sorted list's "comes before
/// the value sought"). Returns `count` when it holds for every position.
package func firstPosition(in count: Int, where isBefore: (Int) -> Bool) -> Int {
    var low = 0, high = count
    while low < high {
        let middle = (low + high) / 2
        if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low
}
