using System.Security.Cryptography;
using System.Text;
using Holded.Partners.Kernel;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Access.Decisions;

/// <summary>One distinct refusal of the ERP's checks: who was refused what, in which client's account, and why.</summary>
public sealed record Denial(
    Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId, string UserId, string Section, string Action, string Reason)
{
    /// <summary>The id of this denial's window document: the same on every node, so all nodes count into one window.</summary>
    public Guid WindowId => Of($"denial\n{ClientAccountId}\n{PartnerAccountId}\n{CollaborationId}\n{UserId}\n{Section}\n{Action}\n{Reason}");

    private static Guid Of(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}

/// <summary>How many times a denial was answered between two instants, on one node.</summary>
public sealed record DenialCount(Denial Denial, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>
/// The ERP was refused this, <paramref name="Count"/> times between the first and the last instant: one window of one
/// denial, one entry of the trail however often the ERP retried.
/// </summary>
public sealed record ChecksDenied(
    Guid WindowId, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId, string UserId, string Section,
    string Action, string Reason, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>
/// A denial's open window: what every node counted of it since its first time, until the window's end. One document per
/// denial, reused window after window (each with the id of its own entry), so a denial retried forever is one row
/// updated; a window closed a day ago is removed, so the table holds the denials of about a day.
/// </summary>
public sealed class DenialWindow
{
    public Guid Id { get; set; }
    public Denial Denial { get; set; } = null!;
    /// <summary>The id of the trail entry this window becomes (its stream): drawn when the window opens.</summary>
    public Guid EntryId { get; set; }
    public long Count { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public bool Closed { get; set; }
}

/// <summary>
/// The windows in PostgreSQL, written directly (no message bus: every node counts, whatever part of the messaging it
/// runs). Counts are added in one transaction per call, opening a window where none is open; a window past its end
/// is closed into one <see cref="ChecksDenied"/>. Nodes meet on a window's version (on its first insert, on its
/// entry's stream id): the loser reads the window again and tries once more.
/// </summary>
public sealed class DenialWindows(IDocumentStore store, IOptions<AccessOptions> options)
{
    /// <summary>Windows written or closed in one transaction at most.</summary>
    public const int PerTransaction = 500;
    private const int Attempts = 10;

    public async Task AddAsync(IReadOnlyList<DenialCount> counts, CancellationToken ct)
    {
        foreach (var chunk in counts.GroupBy(c => c.Denial.WindowId).Chunk(PerTransaction))
            await RetriedAsync(async session =>
            {
                var windows = (await session.LoadManyAsync<DenialWindow>(ct, chunk.Select(g => g.Key))).ToDictionary(w => w.Id);
                foreach (var denial in chunk) Add(session, windows.GetValueOrDefault(denial.Key), denial);
            }, ct);
    }

    private void Add(IDocumentSession session, DenialWindow? window, IGrouping<Guid, DenialCount> denial)
    {
        var (first, last) = (denial.Min(c => c.FirstAt), denial.Max(c => c.LastAt));
        if (window is null) session.Insert(window = new DenialWindow { Id = denial.Key, Denial = denial.First().Denial });
        else session.Update(window);
        if (window.EntryId == Guid.Empty || window.Closed)
            (window.EntryId, window.Count, window.FirstAt, window.LastAt, window.EndsAt, window.Closed) =
                (Guid.CreateVersion7(), 0, first, last, first + options.Value.DenialWindow, false);
        window.Count += denial.Sum(c => c.Count);
        if (first < window.FirstAt) window.FirstAt = first;
        if (last > window.LastAt) window.LastAt = last;
    }

    /// <summary>How long a closed window is kept for the denial's next one, before it is removed.</summary>
    public static readonly TimeSpan KeptClosed = TimeSpan.FromDays(1);

    /// <summary>
    /// Closes the windows whose end has passed: each is one entry of the trail (answers how many). With them, windows
    /// closed longer than <see cref="KeptClosed"/> ago are removed: a node adding to one then finds none and opens a new one.
    /// </summary>
    public async Task<int> CloseEndedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var closed = 0;
        await RetriedAsync(async session =>
        {
            var ended = await session.Query<DenialWindow>().Where(w => !w.Closed && w.EndsAt <= now).Take(PerTransaction).ToListAsync(ct);
            closed = ended.Count;
            if (closed == 0) return; // nothing written: every node asks every second
            foreach (var window in ended)
            {
                window.Closed = true;
                session.Update(window);
                var d = window.Denial;
                session.Events.StartStream(window.EntryId, new ChecksDenied(window.Id, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.UserId, d.Section, d.Action, d.Reason, window.Count, window.FirstAt,
                    window.LastAt));
            }
            var forgotten = now - KeptClosed;
            session.DeleteWhere<DenialWindow>(w => w.Closed && w.EndsAt < forgotten);
        }, ct);
        return closed;
    }

    private async Task RetriedAsync(Func<IDocumentSession, Task> write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            await write(session);
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            // Two closers of one window meet on its entry's stream id first, or on its version.
            catch (Exception e) when (attempt < Attempts && (e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException || StreamCollisions.Is(e)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }
}
