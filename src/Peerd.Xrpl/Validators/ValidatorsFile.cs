using System.Globalization;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// Reads rippled's <c>validators.txt</c>: <c>[section]</c> headers, one value per line, <c>#</c> comments and blank
/// lines ignored, any line ending. Sections: <c>[validators]</c>, <c>[validator_list_sites]</c>,
/// <c>[validator_list_keys]</c>, <c>[validator_list_threshold]</c>; others are ignored, as rippled ignores sections it
/// does not use here.
/// </summary>
public static class ValidatorsFile
{
    /// <summary>Bounds the file (rippled's real files are a few kilobytes).</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>Parses <paramref name="text"/>; null with a message naming the bad line.</summary>
    public static TrustAnchors? TryParse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var validators = new List<ValidatorKey>();
        var sites = new List<string>();
        var keys = new List<ValidatorKey>();
        var threshold = 0;
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }

            switch (section)
            {
                case "validators":
                case "validator_list_keys":
                    // rippled allows a comment after the key ("n9… comment").
                    var token = line.Split([' ', '\t'], 2)[0];
                    var key = ValidatorKey.TryParse(token);
                    if (key is null)
                    {
                        error = $"line {number}: [{section}] '{token}' is not a public key";
                        return null;
                    }

                    (section == "validators" ? validators : keys).Add(key);
                    break;
                case "validator_list_sites":
                    sites.Add(line);
                    break;
                case "validator_list_threshold":
                    if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out threshold))
                    {
                        error = $"line {number}: [validator_list_threshold] '{line}' is not a number";
                        return null;
                    }

                    break;
            }
        }

        if (threshold > keys.Count)
        {
            error = $"[validator_list_threshold] {threshold} exceeds the {keys.Count} publisher keys";
            return null;
        }

        error = string.Empty;
        return new TrustAnchors(keys, sites, validators, threshold);
    }
}
