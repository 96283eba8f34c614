# tests/editors.mk - the editor files, the YAML schema and the shell
# completions as steps of `make check` (tests/editors/), and the packages:
#
#   make vsix   build/mica.vsix, the VS Code extension (after its grammar
#               tests); needs the npm tools tests/install_deps.sh installs
#   make deb    the Debian packages micac and libmica-rmm-blob-dev, built,
#               checked with lintian, installed and run (tests/deb_check.sh;
#               as root, or with sudo)
#
# `make check` runs the .deb step when MICAC_DEB=1, or on CI (CI=true) as
# root on a machine with dpkg-buildpackage.
.PHONY: vim schema completions vscode vsix deb
vim: $(BUILD)/micac
	@tests/editors/check_vim.sh $(BUILD)/micac
CHECK_STEPS += vim

schema: $(BUILD)/micac
	@tests/editors/check_schema.sh $(BUILD)/micac
CHECK_STEPS += schema

completions: $(BUILD)/micac
	@tests/editors/check_completions.sh $(BUILD)/micac

vscode vsix:
	@tests/editors/check_vscode.sh $(BUILD)/mica.vsix

deb:
	@tests/deb_check.sh $(BUILD)/deb

# The shell scripts, the extension and the packages do not change with the
# sanitizers: they run in the plain pass only.
ifneq ($(SANITIZE),1)
CHECK_STEPS += completions vscode
MICAC_DEB ?= $(if $(and $(filter true,$(CI)),$(shell [ "$$(id -u)" = 0 ] && command -v dpkg-buildpackage)),1,0)
ifeq ($(MICAC_DEB),1)
CHECK_STEPS += deb
endif
endif
