#!/bin/sh
# check_build.sh OUT MICAC - what make qemu-e2e-build produced is what a run
# needs: five realm images of exactly 8 pages, each role's RIM as its
# measurement in the policy, a 64-byte RPV equal to micac's, and a BL33
# linked at TF-A's qemu BL33 address with the payloads in it.
. "$(dirname "$0")/../../../../tests/lib.sh"
out=$1 micac=$2
for r in camera detector uploader model_vault stock; do
	s=$(stat -c %s "$out/realm/$r.img" 2>/dev/null || echo 0)
	[ "$s" -eq 32768 ] && t_pass || t_fail "realm/$r.img is $s bytes, not 32768"
done
for r in camera detector model_vault; do
	grep -q "measurement \"$(cat "$out/realm/$r.rim")\"" "$out/e2e.mica" &&
		t_pass || t_fail "e2e.mica: $r's measurement is not its image's RIM"
done
[ "$(stat -c %s "$out/e2e.rpv")" -eq 64 ] && t_pass || t_fail "e2e.rpv is not 64 bytes"
[ "$(xxd -p "$out/e2e.rpv" | tr -d '\n')" = "$("$micac" hash --rpv "$out/e2e.pol")" ] &&
	t_pass || t_fail "e2e.rpv differs from micac hash --rpv"
entry=$(aarch64-linux-gnu-readelf -h "$out/bl33.elf" | sed -n 's/.*Entry point address: *//p')
[ "$entry" = 0x60000000 ] && t_pass || t_fail "bl33.elf entry $entry, not 0x60000000"
for sym in e2e_img_camera e2e_img_detector e2e_img_uploader e2e_img_stock e2e_policy e2e_rpv; do
	aarch64-linux-gnu-nm "$out/bl33.elf" | grep -q " $sym\$" && t_pass || t_fail "bl33.elf lacks $sym"
done
t_done qemu-e2e-build
