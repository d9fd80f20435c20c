namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// The header fields of an HTTP/1.1 message in arrival order, looked up case-insensitively; the first field of a
/// name wins, as with Boost.Beast's <c>fields::find</c>.
/// </summary>
public sealed class HttpHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => TryGet(name, out var value) ? value : null;

    /// <summary>Appends a field (no folding, no validation; our own code builds these).</summary>
    public HttpHeaders Add(string name, string value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Replaces every field of <paramref name="name"/> with one value (tests craft headers this way).</summary>
    public HttpHeaders Set(string name, string value)
    {
        var index = _fields.FindIndex(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase));
        Remove(name);
        if (index < 0)
        {
            _fields.Add(new(name, value));
        }
        else
        {
            _fields.Insert(index, new(name, value));
        }

        return this;
    }

    /// <summary>Removes every field of <paramref name="name"/>.</summary>
    public HttpHeaders Remove(string name)
    {
        _fields.RemoveAll(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    /// <summary>Finds the first field of <paramref name="name"/>.</summary>
    public bool TryGet(string name, out string value)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = field.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>True when a field of <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>
    /// True when the comma-separated list in <paramref name="name"/> has <paramref name="token"/> (case-insensitive),
    /// like <c>beast::rfc2616::token_in_list</c>.
    /// </summary>
    public bool HasToken(string name, string token)
    {
        foreach (var field in _fields)
        {
            if (!string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var part in field.Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (string.Equals(part, token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
