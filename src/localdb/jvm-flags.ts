/**
 * The JVM command line for the Neo4j server. We start java ourselves (no bin/neo4j script, no
 * bootloader), so the flags that Neo4j 5.26's shipped conf/neo4j.conf lists as
 * server.jvm.additional are passed here, plus what the bootloader itself adds (-Xms/-Xmx from the
 * heap settings, -Dfile.encoding=UTF-8).
 *
 * Left out on purpose: -XX:+AlwaysPreTouch (touches the whole heap at start; slows cold start
 * and is pointless for a development database).
 */
export const NEO4J_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
export const NEO4J_ADMIN_MAIN_CLASS = 'org.neo4j.cli.AdminTool';

export const SHIPPED_JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
  '-Dfile.encoding=UTF-8',
];

/** Full argument list for `java` that starts the server of the given home. */
export function serverJavaArgs(opts: { lib: string; home: string; confDir: string; heap: string }): string[] {
  return [
    '-cp',
    `${opts.lib}/*`,
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    ...SHIPPED_JVM_FLAGS,
    NEO4J_MAIN_CLASS,
    `--home-dir=${opts.home}`,
    `--config-dir=${opts.confDir}`,
    '--console-mode',
  ];
}
