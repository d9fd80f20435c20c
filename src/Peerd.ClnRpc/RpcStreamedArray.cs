using System.Text.Json;

namespace Peerd.ClnRpc;

/// <summary>
/// A result of the shape <c>{"member":[…]}</c> whose elements are written a piece at a time: each call of
/// <see cref="WriteNext"/> writes the next few elements (zero or more, each a whole JSON value) into the open array
/// and returns true while more remain. The writer is positioned inside the array; it must not be closed. A producer
/// takes any lock it needs per call and never across calls: between calls the piece is being sent.
/// </summary>
/// <param name="Member">The result's only member, an array (e.g. <c>channels</c>).</param>
/// <param name="WriteNext">Writes the next piece of elements; false once the last one is written.</param>
public sealed record RpcStreamedArray(string Member, Func<Utf8JsonWriter, bool> WriteNext);
