#!/usr/bin/env bash
# JMH benchmarks of the signed assignment callback's steps without HTTP (bench/jmh): ns per operation and, with
# -prof gc, bytes allocated per operation. Compiles the service (tests skipped), compiles the benchmarks against
# its classes and runtime class path, and runs them in one fork; about 4 minutes for all. Extra arguments go to
# JMH, e.g.
#   bench/jmh.sh                                  # all, with -prof gc
#   bench/jmh.sh -wi 1 -i 1 'formDecoding'        # a quick look at one
set -euo pipefail
cd "$(dirname "$0")/.."
classpath() { # pom: its runtime class path
  ./mvnw -B -q -f "$1" dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout
}
./mvnw -B -q compile
APP_CP=$(classpath pom.xml)
JMH_CP=$(classpath bench/jmh/pom.xml)
OUT=bench/jmh/target/classes
rm -rf "$OUT" && mkdir -p "$OUT"
javac --release 17 -nowarn -d "$OUT" -cp "target/classes:$APP_CP:$JMH_CP" -processorpath "$JMH_CP" \
  $(find bench/jmh/src/main/java -name '*.java')
java -cp "$OUT:target/classes:$APP_CP:$JMH_CP" org.openjdk.jmh.Main -prof gc "${@:-.*}"
