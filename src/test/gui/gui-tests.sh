#!/usr/bin/env bash
# Real-GUI tests, run by .ci/run after `mvn -B verify` (which leaves target/vae-texture.jar and
# target/lib/): a real ImageJ 1.x GUI under Xvfb runs gui-test.ijm (-macro, with the GUI up) twice:
#  1. "Fiji": a stand-in Fiji.app whose jars/ holds Fiji's own jars at pom-scijava 40's versions
#     (fiji-jars-pom.xml), into which README's install command copies the plugin; class path as
#     Fiji's launcher builds it (jars/*, jars/linux64/*, plugins/*), ij.ImageJ -ijpath Fiji.app;
#  2. plain ImageJ 1.x: only ij.jar on the class path, the plugin and its jars in plugins/.
# Each must list the commands in ImageJ's command table, train a model on an open sample image,
# show the novelty heatmap and save a screenshot (target/gui-test/*/screenshot.png). Then, on the
# same display, the JUnit tests of what users click (*GuiTest).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
W=$ROOT/target/gui-test
rm -rf "$W"
mkdir -p "$W"
T0=$(date +%s)

if ! command -v Xvfb >/dev/null; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
fi
[ -f target/vae-texture.jar ] && [ -d target/lib ] || mvn -B -q package -DskipTests

# plain ImageJ 1.x: ImageJ.app/ij.jar, plugins/VAE_Texture.jar, plugins/jars/ (what target/lib holds)
IJ=$W/ImageJ
mkdir -p "$IJ/plugins/jars"
cp target/lib/ij-*.jar "$IJ/ij.jar"
cp target/vae-texture.jar "$IJ/plugins/VAE_Texture.jar"
cp target/lib/*.jar "$IJ/plugins/jars/"
rm "$IJ"/plugins/jars/ij-*.jar

# the stand-in Fiji.app, then the README's install command into it
FIJI=$W/Fiji.app
mkdir -p "$FIJI/jars" "$FIJI/plugins"
mvn -B -q -f src/test/gui/fiji-jars-pom.xml dependency:copy-dependencies -DexcludeTransitive=true \
	-DoutputDirectory="$FIJI/jars"
mvn -B -q install -DskipTests -Dscijava.app.directory="$FIJI"
T1=$(date +%s)

# Xvfb picks a free display and writes its number to fd 3
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$W/display" >"$W/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -s "$W/display" ] && break; sleep 0.2; done
export DISPLAY=:$(head -n 1 "$W/display")

failed=0
run_gui() { # name class-path imagej-dir
	local out=$W/$1 start pid
	mkdir -p "$out"
	start=$(date +%s)
	java -Xmx2g -cp "$2" ij.ImageJ -ijpath "$3" -macro "$ROOT/src/test/gui/gui-test.ijm" \
		"$out|$ROOT/sample-images/gravel.tif" >"$out/imagej.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 110); do
		grep -q '^\(done=true\|failed=\)' "$out/result.txt" 2>/dev/null && break
		kill -0 $pid 2>/dev/null || break
		sleep 1
	done
	kill $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	echo "== $1 GUI test ($(($(date +%s) - start)) s):"
	cat "$out/result.txt" 2>/dev/null || echo "(no result.txt)"
	if grep -qx 'commands_missing=' "$out/result.txt" 2>/dev/null && grep -qx 'model_written=1' "$out/result.txt" &&
		grep -qx 'novelty_shown=1' "$out/result.txt" && grep -qx 'screenshot_saved=1' "$out/result.txt" &&
		grep -qx 'done=true' "$out/result.txt"; then
		echo "== $1 GUI test passed"
	else
		echo "== $1 GUI test FAILED; ImageJ's output:"
		tail -n 40 "$out/imagej.log"
		failed=1
	fi
}
run_gui fiji "$FIJI/jars/*:$FIJI/jars/linux64/*:$FIJI/plugins/*" "$FIJI"
run_gui imagej "$IJ/ij.jar" "$IJ"
# the JUnit tests of what users click (*GuiTest: a menu command's dialog and the macro recorder),
# which `mvn verify` skips without a display
if mvn -B -q surefire:test@gui; then echo "== JUnit GUI tests passed"; else
	echo "== JUnit GUI tests FAILED"
	failed=1
fi
echo "GUI tests: setup $((T1 - T0)) s, GUI runs $(($(date +%s) - T1)) s"
exit $failed
