using Peerd.Crypto;

namespace Peerd.Lightning.Peers;

/// <summary>
/// BOLT 8 ephemeral keys made ahead of use. A handshake takes one instead of generating it on its critical path, and
/// refills the reserve while it waits for the peer's next act, when its thread would otherwise be idle. Each key is
/// handed out exactly once (a slot is emptied atomically); when the reserve is empty a key is made on the spot.
/// </summary>
public sealed class EphemeralKeyReserve
{
    private readonly EphemeralKeyPair?[] _slots;

    /// <summary>Creates an empty reserve of <paramref name="capacity"/> keys.</summary>
    public EphemeralKeyReserve(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new EphemeralKeyPair?[capacity];
    }

    /// <summary>The process's reserve (<see cref="Tuning.EphemeralKeyReserve"/> keys).</summary>
    public static EphemeralKeyReserve Shared { get; } = new(Tuning.EphemeralKeyReserve);

    /// <summary>Keys ready now.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var i = 0; i < _slots.Length; i++)
            {
                count += Volatile.Read(ref _slots[i]) is null ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>A key made beforehand if there is one, otherwise a fresh one; never one handed out before.</summary>
    public EphemeralKeyPair Take()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } key)
            {
                return key;
            }
        }

        return EphemeralKeyPair.Generate();
    }

    /// <summary>Makes one key if a slot is empty (the work a waiting handshake does in the meantime).</summary>
    public void RefillOne()
    {
        EphemeralKeyPair? key = null;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is null)
            {
                key ??= EphemeralKeyPair.Generate();
                if (Interlocked.CompareExchange(ref _slots[i], key, null) is null)
                {
                    return;
                }
            }
        }
    }
}
