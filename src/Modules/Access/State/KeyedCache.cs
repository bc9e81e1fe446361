using System.Collections.Concurrent;

namespace Holded.Partners.Access.State;

/// <summary>
/// Values read on demand and dropped the moment they are told to have changed. A read that overlaps a change is used
/// for its own request but never kept, so a slow read cannot put back what a change has just dropped. While the change
/// feed does not serve (not listening, or its connection not proven alive lately) the cache is off: every read goes to
/// the database.
/// </summary>
public sealed class KeyedCache<TKey, TValue> where TKey : notnull where TValue : class
{
    // A change leaves a fresh marker: a read that began before it fails its compare-and-swap against the marker.
    private sealed class Entry(TValue? value, bool known, long at)
    {
        public TValue? Value { get; } = value;
        public bool Known { get; } = known;
        public long At { get; } = at;
    }

    private ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly FeedHealth _feed;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _clock;

    /// <param name="maxAge">A safety net for writes the feed never hears of (a rebuild, a restore): no value lives longer.</param>
    public KeyedCache(TimeSpan maxAge, FeedHealth feed, TimeProvider clock) => (_maxAge, _feed, _clock) = (maxAge, feed, clock);

    /// <summary>A value known now (possibly known not to exist), without a read: the hot path's way in.</summary>
    public bool TryGet(TKey key, out TValue? value)
    {
        value = null;
        if (!_feed.Serves || !_entries.TryGetValue(key, out var entry) || !Fresh(entry)) return false;
        value = entry.Value;
        return true;
    }

    private bool Fresh(Entry entry) => entry.Known && _clock.GetElapsedTime(entry.At) < _maxAge;

    /// <param name="memory">False: every value is read, and none kept (memory may be older than the caller asked for).</param>
    public async Task<IReadOnlyDictionary<TKey, TValue>> GetManyAsync(
        IReadOnlyCollection<TKey> keys, Func<TKey[], CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> read, bool memory, CancellationToken ct)
    {
        var entries = _entries;
        var on = memory && _feed.Serves;
        var now = _clock.GetTimestamp();
        var found = new Dictionary<TKey, TValue>();
        var missing = new List<(TKey Key, Entry? Seen)>();
        foreach (var key in keys)
        {
            var seen = on && entries.TryGetValue(key, out var e) ? e : null;
            if (seen is not null && Fresh(seen)) { if (seen.Value is not null) found[key] = seen.Value; }
            else missing.Add((key, seen));
        }
        if (missing.Count == 0) return found;

        var loaded = await read([.. missing.Select(m => m.Key)], ct);
        foreach (var (key, seen) in missing)
        {
            var value = loaded.GetValueOrDefault(key);
            if (value is not null) found[key] = value;
            if (!on) continue;
            var entry = new Entry(value, true, now);
            if (seen is null) entries.TryAdd(key, entry); else entries.TryUpdate(key, entry, seen);
        }
        return found;
    }

    public void Changed(TKey key) => _entries[key] = new Entry(null, false, _clock.GetTimestamp());

    /// <summary>Empty again: the feed listens from now on, or has stopped and may have missed changes.</summary>
    public void Restart() => _entries = new();

    /// <summary>Markers only guard reads in flight; once no read can be that old they go.</summary>
    public void Prune(TimeSpan olderThan)
    {
        foreach (var (key, entry) in _entries)
            if (_clock.GetElapsedTime(entry.At) > olderThan) _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
    }
}
