using System.Buffers.Binary;

namespace Peerd.Xrpl.Protocol.Serialization;

/// <summary>
/// A flat serialized object (rippled's <c>STObject</c> in its canonical binary form) read against a template: the
/// fields it may hold and their types. Only the value types manifests and validations use are understood. The object
/// must be canonical — fields in ascending order, none twice — since a signature covers rippled's re-serialization,
/// which sorts.
/// </summary>
public sealed class SerializedObject
{
    private readonly byte[] _bytes;
    private readonly List<(FieldId Id, int Start, int ValueStart, int End)> _fields;

    private SerializedObject(byte[] bytes, List<(FieldId, int, int, int)> fields)
    {
        _bytes = bytes;
        _fields = fields;
    }

    /// <summary>The object's bytes as received.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>Parses <paramref name="bytes"/>; null with <paramref name="error"/> when it is not a canonical object of <paramref name="template"/>.</summary>
    public static SerializedObject? TryParse(byte[] bytes, IReadOnlySet<FieldId> template, out string error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(template);
        var fields = new List<(FieldId, int, int, int)>();
        var position = 0;
        FieldId? previous = null;
        while (position < bytes.Length)
        {
            var start = position;
            if (!TryReadFieldId(bytes, ref position, out var id))
            {
                error = "truncated field header";
                return null;
            }

            if (!template.Contains(id))
            {
                error = $"unexpected field {id}";
                return null;
            }

            if (previous is { } p && p.CompareTo(id) >= 0)
            {
                error = p == id ? $"duplicate field {id}" : $"field {id} out of canonical order";
                return null;
            }

            var valueStart = position;
            if (!TrySkipValue(bytes, ref position, id.TypeCode))
            {
                error = $"truncated value of field {id}";
                return null;
            }

            fields.Add((id, start, valueStart, position));
            previous = id;
        }

        error = string.Empty;
        return new SerializedObject(bytes, fields);
    }

    /// <summary>True when <paramref name="id"/> is present.</summary>
    public bool Has(FieldId id) => IndexOf(id) >= 0;

    /// <summary>A UInt16 field, or null.</summary>
    public ushort? GetUInt16(FieldId id) => Value(id) is { } v ? BinaryPrimitives.ReadUInt16BigEndian(v.Span) : null;

    /// <summary>A UInt32 field, or null.</summary>
    public uint? GetUInt32(FieldId id) => Value(id) is { } v ? BinaryPrimitives.ReadUInt32BigEndian(v.Span) : null;

    /// <summary>A UInt64 field, or null.</summary>
    public ulong? GetUInt64(FieldId id) => Value(id) is { } v ? BinaryPrimitives.ReadUInt64BigEndian(v.Span) : null;

    /// <summary>A fixed-size field's bytes (a hash), or null.</summary>
    public byte[]? GetFixed(FieldId id) => Value(id)?.ToArray();

    /// <summary>A variable-length field's content (without its length prefix), or null.</summary>
    public byte[]? GetBlob(FieldId id)
    {
        if (Value(id) is not { } v)
        {
            return null;
        }

        var position = 0;
        _ = TryReadLength(v.Span, ref position, out var length);
        return v.Span.Slice(position, length).ToArray();
    }

    /// <summary>
    /// What a signature over this object covers: <paramref name="prefix"/> (rippled's <c>HashPrefix</c>, big-endian)
    /// then every signing field (<c>STObject::addWithoutSigningFields</c>).
    /// </summary>
    public byte[] SigningData(uint prefix)
    {
        var length = 4;
        foreach (var field in _fields)
        {
            if (field.Id.IsSigning)
            {
                length += field.End - field.Start;
            }
        }

        var data = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(data, prefix);
        var offset = 4;
        foreach (var field in _fields)
        {
            if (field.Id.IsSigning)
            {
                _bytes.AsSpan(field.Start, field.End - field.Start).CopyTo(data.AsSpan(offset));
                offset += field.End - field.Start;
            }
        }

        return data;
    }

    /// <summary>Reads rippled's variable-length prefix (1–3 bytes, up to 918,744); false when truncated or invalid.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> data, ref int position, out int length)
    {
        length = 0;
        if (position >= data.Length)
        {
            return false;
        }

        int b1 = data[position++];
        if (b1 <= 192)
        {
            length = b1;
        }
        else if (b1 <= 240)
        {
            if (position >= data.Length)
            {
                return false;
            }

            length = 193 + ((b1 - 193) * 256) + data[position++];
        }
        else if (b1 <= 254)
        {
            if (position + 2 > data.Length)
            {
                return false;
            }

            length = 12481 + ((b1 - 241) * 65536) + (data[position] * 256) + data[position + 1];
            position += 2;
        }
        else
        {
            return false;
        }

        return position + length <= data.Length;
    }

    private static bool TryReadFieldId(ReadOnlySpan<byte> data, ref int position, out FieldId id)
    {
        id = default;
        if (position >= data.Length)
        {
            return false;
        }

        int header = data[position++];
        var type = header >> 4;
        var field = header & 0x0F;
        if (type == 0)
        {
            if (position >= data.Length)
            {
                return false;
            }

            type = data[position++];
        }

        if (field == 0)
        {
            if (position >= data.Length)
            {
                return false;
            }

            field = data[position++];
        }

        id = new FieldId(type, field);
        return true;
    }

    private static bool TrySkipValue(ReadOnlySpan<byte> data, ref int position, int type)
    {
        int size;
        switch (type)
        {
            case FieldId.UInt16:
                size = 2;
                break;
            case FieldId.UInt32:
                size = 4;
                break;
            case FieldId.UInt64:
                size = 8;
                break;
            case FieldId.Hash256:
                size = 32;
                break;
            case FieldId.Amount:
                if (position >= data.Length)
                {
                    return false;
                }

                // Native XRP is 8 bytes; an issued amount (top bit set) 48; an MPT amount (0x20 without the top bit) 33.
                size = (data[position] & 0x80) != 0 ? 48 : (data[position] & 0x20) != 0 ? 33 : 8;
                break;
            case FieldId.Blob:
            case FieldId.Vector256:
                if (!TryReadLength(data, ref position, out size))
                {
                    return false;
                }

                if (type == FieldId.Vector256 && size % 32 != 0)
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        if (position + size > data.Length)
        {
            return false;
        }

        position += size;
        return true;
    }

    private int IndexOf(FieldId id) => _fields.FindIndex(f => f.Id == id);

    private ReadOnlyMemory<byte>? Value(FieldId id)
    {
        var index = IndexOf(id);
        // The cast matters: a bare null would convert to an empty ReadOnlyMemory (through byte[]), not to "absent".
        return index < 0 ? (ReadOnlyMemory<byte>?)null : _bytes.AsMemory(_fields[index].ValueStart, _fields[index].End - _fields[index].ValueStart);
    }
}
