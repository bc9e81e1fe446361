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

    /// <summary>Far past any real list; keeps the offset a small number.</summary>
    public const int MaxPage = 10_000;

    /// <summary>400 unless 1 ≤ page ≤ 10,000 and 1 ≤ pageSize ≤ 100.</summary>
    public static ProblemDetails Validate(int? page, int? pageSize) => new Check().PageOf(page, pageSize).Result();

    public static Check PageOf(this Check check, int? page, int? pageSize) => check
        .That(page is null or >= 1 and <= MaxPage, "page", $"must be between 1 and {MaxPage}.")
        .That(pageSize is null or >= 1 and <= MaxSize, "pageSize", $"must be between 1 and {MaxSize}.");

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultSize;
        var items = await query.ToPagedListAsync(number, size, ct);
        return new Page<T>(items.ToList(), number, size, items.TotalItemCount);
    }
}
