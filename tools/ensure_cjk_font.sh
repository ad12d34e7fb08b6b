#!/bin/sh
# Chinese chart labels need a CJK font. Install Debian's fonts-noto-cjk when none
# is found and we may (root with apt); otherwise say what to do.
for f in /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
         /usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc; do
    [ -f "$f" ] && exit 0
done
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing a CJK font (fonts-noto-cjk) so Chinese chart labels render ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
else
    echo "No CJK font found: Chinese chart labels will show as boxes."
    echo "Install one with: sudo apt-get install fonts-noto-cjk"
fi
