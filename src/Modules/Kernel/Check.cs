using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;

namespace Holded.Partners.Kernel;

/// <summary>
/// Collects input errors by field (camelCase, as the JSON names them) and turns them into one 400.
/// Malformed input is refused before any state is read or written.
/// </summary>
public sealed class Check
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Check Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Check That(bool ok, string field, string message) => ok ? this : Add(field, message);

    public Check Text(string field, string? value, int max, bool required = true, int min = 1)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? Add(field, "is required.") : this;
        var length = value.Trim().Length;
        if (length < min) Add(field, $"must be at least {min} characters.");
        if (length > max) Add(field, $"must be at most {max} characters.");
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            Add(field, "must not contain control characters.");
        return this;
    }

    public Check Email(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? Add(field, "is required.") : this;
        return That(IsEmail(value.Trim()), field, "must be an email address such as ana@example.com (at most 254 characters).");
    }

    public Check Url(string field, string? value, int max = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        var ok = value.Length <= max
                 && Uri.TryCreate(value, UriKind.Absolute, out var uri)
                 && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                 && uri.Host.Contains('.');
        return That(ok, field, $"must be an absolute http(s) URL of at most {max} characters.");
    }

    public Check OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? Add(field, "is required.") : this;
        return That(allowed.Contains(value), field, $"must be one of: {string.Join(", ", allowed)}.");
    }

    public Check AllOf(string field, IReadOnlyCollection<string>? values, IReadOnlyCollection<string> allowed, int maxCount)
    {
        if (values is null) return this;
        if (values.Count > maxCount) Add(field, $"must have at most {maxCount} entries.");
        var unknown = values.Where(v => !allowed.Contains(v)).Distinct().ToArray();
        if (unknown.Length > 0)
            Add(field, $"has unknown values ({string.Join(", ", unknown)}); allowed: {string.Join(", ", allowed)}.");
        if (values.Distinct().Count() != values.Count) Add(field, "must not repeat a value.");
        return this;
    }

    public Check Range(string field, int? value, int min, int max, bool required = false)
    {
        if (value is null) return required ? Add(field, "is required.") : this;
        return That(value >= min && value <= max, field, $"must be between {min} and {max}.");
    }

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ProblemDetails Result() => IsValid
        ? Problems.None
        : Problems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public static bool IsEmail(string value) =>
        value.Length <= 254
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.');
}
