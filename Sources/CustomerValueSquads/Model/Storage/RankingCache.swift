#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Every skill's holders ranked for staffing, made the first time an organisation value is asked a staffing
/// question and kept for the next ones — on that value and on its copies, until one of them changes.
///
/// The storage gives each value its own cache: a change to a value whose cache no copy shares empties it; a
/// change to a value that shares it with copies gives that value a new, empty one, so the copies keep theirs.
/// Reading and filling are guarded by a lock, so copies of one value may be asked from several threads.
final class RankingCache: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var ranking: StaffingPool.Ranking?

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// The ranking, made by `make` if there is none yet.
    func ranking(orMake make: () -> StaffingPool.Ranking) -> StaffingPool.Ranking {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let ranking { return ranking }
        let made = make()
        ranking = made
        return made
    }

    /// Forgets the ranking, for the one value that holds the cache: with no other reference to it, no other
    /// thread can be reading it, so no lock is taken.
    func emptyUnshared() {
        if ranking != nil { ranking = nil }
    }
}
