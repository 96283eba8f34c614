# editors/editors.mk - `make install` also installs the shell completions,
# the Vim files and the YAML schema. Debian's packaging (debian/rules)
# passes its own directories for Vim and zsh.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
VIMDIR ?= $(PREFIX)/share/vim/vimfiles
MICAC_DATADIR ?= $(PREFIX)/share/micac

.PHONY: install-editors
install: install-editors
install-editors:
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(MICAC_DATADIR)
	install -m 0644 completions/micac.bash $(DESTDIR)$(BASHCOMPDIR)/micac
	install -m 0644 completions/_micac $(DESTDIR)$(ZSHCOMPDIR)/_micac
	for f in editors/vim/*/*.vim; do \
		install -D -m 0644 $$f $(DESTDIR)$(VIMDIR)/$${f#editors/vim/} || exit 1; \
	done
	install -m 0644 docs/mica-policy.schema.json $(DESTDIR)$(MICAC_DATADIR)/
