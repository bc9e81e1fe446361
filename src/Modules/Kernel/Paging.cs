using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace Holded.Partners.Kernel;

/// <summary>One page of a list, with what a client needs to ask for the next.</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items, [property: System.Text.Json.Serialization.JsonPropertyName("page")] int PageNumber, int PageSize, long Total)
{
    public bool HasMore => (long)PageNumber * PageSize < Total;
}

public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>400 unless page ≥ 1 and 1 ≤ pageSize ≤ 100.</summary>
    public static ProblemDetails Validate(int? page, int? pageSize) => new Check()
        .That(page is null or >= 1, "page", "must be 1 or more.")
        .That(pageSize is null or >= 1 and <= MaxSize, "pageSize", $"must be between 1 and {MaxSize}.")
        .Result();

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultSize;
        var items = await query.ToPagedListAsync(number, size, ct);
        return new Page<T>(items.ToList(), number, size, items.TotalItemCount);
    }
}
