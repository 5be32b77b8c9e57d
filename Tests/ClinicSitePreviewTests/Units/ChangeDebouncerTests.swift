import Testing
@testable import ClinicSitePreview

@Suite("Debouncing saves")
struct ChangeDebouncerTests {
    let start = ContinuousClock.now

    @Test("a burst of saves gives one batch once it has been quiet")
    func burst() {
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(100), maximumDelay: .seconds(1))
        #expect(debouncer.deadline == nil)
        debouncer.record(["content/b.md"], at: start)
        debouncer.record(["content/a.md", "content/b.md"], at: start + .milliseconds(60))
        #expect(debouncer.take(at: start + .milliseconds(120)) == nil)
        #expect(debouncer.take(at: start + .milliseconds(160)) == ["content/a.md", "content/b.md"])
        #expect(debouncer.deadline == nil)
        #expect(debouncer.take(at: start + .seconds(5)) == nil)
    }

    @Test("saves that never stop are reported after the maximum delay")
    func endless() {
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(100), maximumDelay: .milliseconds(500))
        var time = start
        var batches: [[String]] = []
        for step in 0..<12 {
            debouncer.record(["content/\(step).md"], at: time)
            time += .milliseconds(50)
            if let batch = debouncer.take(at: time) { batches.append(batch) }
        }
        #expect(batches.count == 1)
        #expect(batches.first?.count == 10)
    }

    @Test("recording nothing starts no batch")
    func nothing() {
        var debouncer = ChangeDebouncer(quietPeriod: .milliseconds(100), maximumDelay: .seconds(1))
        debouncer.record([String](), at: start)
        #expect(debouncer.deadline == nil)
    }
}
