namespace Peerd.Cli.Lightning;

/// <summary>The <c>--help</c> text.</summary>
public static class Usage
{
    /// <summary>The program name used in messages.</summary>
    public const string ProgramName = "peerd-cli";

    /// <summary>The usage text, <c>lightning-cli</c>'s options plus the XRPL mode.</summary>
    public const string Text =
        """
        Usage: peerd-cli [<options>] <command> [<params>...]
               peerd-cli xrpl [--xrpl-admin-addr=<host:port>] <command> [<args>...]
        --conf=<file>                        Specify configuration file (default <lightning-dir>/config)
        --lightning-dir=<dir>                Set base directory: network-specific subdirectory is under here (default ~/.peerd)
        --network <arg>                      Select the network parameters (bitcoin, testnet, testnet4, signet, or regtest) (default bitcoin)
        --testnet                            Alias for --network=testnet
        --testnet4                           Alias for --network=testnet4
        --signet                             Alias for --network=signet
        --mainnet                            Alias for --network=bitcoin
        --regtest                            Alias for --network=regtest
        --rpc-file <arg>                     Set JSON-RPC socket (default <lightning-dir>/<network>/lightning-rpc)
        --help|-h                            Show this message. Use the command help (without hyphens -- "peerd-cli help") to get a list of all RPC commands
        -H|--human-readable                  Human-readable output
        -F|--flat                            Flatten output ('x.y.x=' format)
        -J|--json                            JSON output (default unless 'help')
        -R|--raw                             Raw, unformatted JSON output
        -k|--keywords                        Use format key=value for <params>
        -o|--order                           Use params in order for <params>
        -N|--notifications <arg>             Set notification level (io, debug, info, unusual, broken), or none (default none)
        -l|--filter <arg>                    Set JSON reply filter
        --version                            Print version and exit
        xrpl mode: rippled's admin API over HTTP JSON-RPC
          --xrpl-admin-addr <host:port>      Admin JSON-RPC address (default 127.0.0.1:5005)
          --xrpl-admin-user <user>           admin_user sent with each request
          --xrpl-admin-password <password>   admin_password sent with each request
          commands: connect <ip[:port]> [port], peers, ping, server_info [counters], server_state, stop, connections

        """;
}
