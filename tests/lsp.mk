# tests/lsp.mk - `micac lsp` as a step of `make check`: a scripted client
# for the protocol's edge cases and every feature (tests/lsp/protocol.py),
# and Neovim's own LSP client, headless (tests/lsp/nvim_check.py).
.PHONY: lsp lsp-protocol lsp-nvim
lsp: lsp-protocol lsp-nvim
lsp-protocol: $(BUILD)/micac
	@python3 tests/lsp/protocol.py $(BUILD)/micac
lsp-nvim: $(BUILD)/micac
	@python3 tests/lsp/nvim_check.py $(BUILD)/micac
CHECK_STEPS += lsp-protocol lsp-nvim
