import Foundation
import KremlinologyPipeline
import Testing

/// Issue 14: extraction on every core keeps the order of its input.
@Suite struct ParallelTests {
    @Test func resultsComeBackInTheOrderOfTheItemsWhateverTheirCost() {
        let items = Array(0..<500)
        // Uneven work: some items take much longer, so lanes finish out of order.
        let out = Parallel.map(items, threads: 4) { i -> Int in
            if i % 37 == 0 { usleep(2000) }
            return i * 2
        }
        #expect(out == items.map { $0 * 2 })
        #expect(Parallel.map([Int](), threads: 4) { $0 } == [])
        #expect(Parallel.map([7], threads: 1) { $0 + 1 } == [8])
    }
}
