using System.Globalization;

namespace Peerd.Lightning.Chain;

/// <summary>bitcoind's amounts (BTC as a JSON number with up to 8 decimals) as satoshis, exactly (decimal, never double).</summary>
public static class BitcoinAmount
{
    /// <summary>Satoshis per bitcoin.</summary>
    public const long SatoshisPerBitcoin = 100_000_000;

    /// <summary>No amount is larger (21 million BTC).</summary>
    public const long MaxSatoshis = 21_000_000 * SatoshisPerBitcoin;

    /// <summary>Reads <paramref name="text"/> (a JSON number in BTC) as satoshis; false when not a whole number of satoshis in range.</summary>
    public static bool TryParseSatoshis(string text, out long satoshis)
    {
        satoshis = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var btc))
        {
            return false;
        }

        var value = btc * SatoshisPerBitcoin;
        if (value != decimal.Truncate(value) || value < 0 || value > MaxSatoshis)
        {
            return false;
        }

        satoshis = (long)value;
        return true;
    }
}
