using JasperFx.Events;

namespace Holded.Partners.Kernel;

public static class EventTime
{
    /// <summary>
    /// The event's instant as PostgreSQL keeps it (microseconds). An inline projection sees the in-memory timestamp with
    /// .NET's 100 ns ticks, a rebuild sees the stored one: read models use this so both give the same document.
    /// </summary>
    public static DateTimeOffset At(this IEvent e) =>
        new(e.Timestamp.UtcTicks - e.Timestamp.UtcTicks % 10, TimeSpan.Zero);
}
